package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.server.http.ResponseMode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The command line of {@link DemoServer#main}.
 *
 * @param httpPort the port to serve Streamable HTTP on (0: any free port), or {@code null} for stdio
 * @param host the address to bind HTTP to
 * @param responseMode how HTTP answers a POST with requests
 */
record DemoArguments(@Nullable Integer httpPort, String host, ResponseMode responseMode) {
    static final String USAGE = "usage: DemoServer [--http PORT [--host HOST] [--response-mode auto|json|sse]]";

    static DemoArguments parse(String[] args) {
        Integer port = null;
        String host = "127.0.0.1";
        ResponseMode mode = ResponseMode.AUTO;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--http" -> port = port(value(args, ++i, "--http"));
                case "--host" -> host = value(args, ++i, "--host");
                case "--response-mode" -> mode = mode(value(args, ++i, "--response-mode"));
                default ->
                    throw new IllegalArgumentException(
                            "argument: " + args[i] + " (expected: --http PORT, --host HOST or --response-mode MODE)");
            }
        }
        return new DemoArguments(port, host, mode);
    }

    /** The HTTP server's options, or {@code null} to serve stdio. */
    @Nullable
    McpHttpServerOptions httpOptions() {
        Integer port = httpPort;
        if (port == null) {
            return null;
        }
        McpHttpServerOptions defaults = McpHttpServerOptions.defaults();
        return defaults.withHost(host)
                .withPort(port)
                .withTransport(defaults.transport().withResponseMode(responseMode));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + ": missing (expected: a value)");
        }
        return args[index];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--http: " + text + " (expected: a port from 0 to 65535)");
    }

    private static ResponseMode mode(String text) {
        try {
            return ResponseMode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--response-mode: " + text + " (expected: auto, json or sse)", e);
        }
    }
}
