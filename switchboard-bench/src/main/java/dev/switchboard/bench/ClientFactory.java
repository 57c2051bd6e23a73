package dev.switchboard.bench;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.transport.Transport;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Opens the clients of one transport: each spawns the same server command, or uses the same URL. */
final class ClientFactory {
    private final BenchOptions options;
    private final McpRuntime runtime;
    private final ServerCommand command;
    private final @Nullable URI httpUrl;

    /**
     * A factory for {@code target}.
     *
     * @param httpUrl the shared HTTP server's endpoint; required for {@link Target#HTTP}
     */
    ClientFactory(BenchOptions options, McpRuntime runtime, ServerCommand command, @Nullable URI httpUrl) {
        this.options = options;
        this.runtime = runtime;
        this.command = command;
        this.httpUrl = httpUrl;
    }

    /** Connects and initializes a new client of kind {@code contender} over {@code target}. */
    EchoClient open(Target target, Contender contender) {
        boolean virtual = options.sdkVirtualThreads();
        return switch (target) {
            case STDIO ->
                switch (contender) {
                    case SWITCHBOARD -> ours(SwitchboardTransports.stdio(command.stdio(), runtime));
                    case SDK -> SdkEchoClient.stdio(command.stdio(), false, options.callTimeout(), virtual);
                    case SDK_SERIALIZED -> SdkEchoClient.stdio(command.stdio(), true, options.callTimeout(), virtual);
                };
            case HTTP ->
                switch (contender) {
                    case SWITCHBOARD -> ours(SwitchboardTransports.http(url(), runtime));
                    case SDK -> SdkEchoClient.http(url(), options.callTimeout(), virtual);
                    case SDK_SERIALIZED ->
                        throw new IllegalArgumentException("client: sdk-serialized (expected: stdio)");
                };
        };
    }

    private EchoClient ours(Transport transport) {
        return SwitchboardEchoClient.open(transport, runtime, options.callTimeout());
    }

    private URI url() {
        if (httpUrl == null) {
            throw new IllegalStateException("http server: not started (expected: a URL for the http target)");
        }
        return httpUrl;
    }

    /** The command line both clients start, for the report. */
    List<String> stdioCommand() {
        return command.stdio();
    }
}
