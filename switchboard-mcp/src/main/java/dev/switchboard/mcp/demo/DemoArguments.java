package dev.switchboard.mcp.demo;

import org.jspecify.annotations.Nullable;

/**
 * The command line of {@link DemoServer#main}.
 *
 * @param httpPort the port to serve Streamable HTTP on (0: any free port), or {@code null} for stdio
 * @param host the address to bind HTTP to
 */
record DemoArguments(@Nullable Integer httpPort, String host) {
    static final String USAGE = "usage: DemoServer [--http PORT [--host HOST]]";

    static DemoArguments parse(String[] args) {
        Integer port = null;
        String host = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--http" -> port = port(value(args, ++i, "--http"));
                case "--host" -> host = value(args, ++i, "--host");
                default ->
                    throw new IllegalArgumentException(
                            "argument: " + args[i] + " (expected: --http PORT or --host HOST)");
            }
        }
        return new DemoArguments(port, host);
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
}
