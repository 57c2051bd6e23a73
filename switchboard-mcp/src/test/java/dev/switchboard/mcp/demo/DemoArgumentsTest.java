package dev.switchboard.mcp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.server.http.ResponseMode;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class DemoArgumentsTest {

    @Test
    void servesStdioOnLoopbackDefaultsWithoutArguments() {
        DemoArguments args = DemoArguments.parse(new String[0]);

        assertThat(args.httpPort()).isNull();
        assertThat(args.host()).isEqualTo("127.0.0.1");
        assertThat(args.httpOptions()).isNull();
    }

    @Test
    void readsTheHttpPortAndHost() {
        DemoArguments args =
                DemoArguments.parse(new String[] {"--http", "0", "--host", "localhost", "--response-mode", "sse"});

        McpHttpServerOptions http = args.httpOptions();
        assertThat(http).isNotNull();
        assertThat(http.port()).isZero();
        assertThat(http.host()).isEqualTo("localhost");
        assertThat(http.mcpPath()).isEqualTo("/mcp");
        assertThat(http.transport().responseMode()).isEqualTo(ResponseMode.SSE);
    }

    @Test
    void rejectsBadPortsMissingValuesAndUnknownArguments() {
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--http", "65536"}))
                .hasMessage("--http: 65536 (expected: a port from 0 to 65535)");
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--http"}))
                .hasMessage("--http: missing (expected: a value)");
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--verbose"}))
                .hasMessage("argument: --verbose (expected: --http PORT, --host HOST or --response-mode MODE)");
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--response-mode", "xml"}))
                .hasMessage("--response-mode: xml (expected: auto, json or sse)");
    }

    @Test
    void optionsRejectANegativePageSizeAndNonPositiveIntervals() {
        // An executor starts no thread until a task arrives, and the options never submit one.
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        try {
            DemoOptions options = new DemoOptions(
                    timer,
                    timer,
                    Clock.systemUTC(),
                    0,
                    DemoOptions.DEFAULT_RESOURCE_UPDATE_INTERVAL,
                    DemoOptions.DEFAULT_CLIENT_REQUEST_TIMEOUT);

            assertThatThrownBy(() -> options.withPageSize(-1)).hasMessage("pageSize: -1 (expected: >= 0)");
            assertThatThrownBy(() -> options.withResourceUpdateInterval(Duration.ZERO))
                    .hasMessage("resourceUpdateInterval: PT0S (expected: a positive duration)");
            assertThatThrownBy(() -> options.withClientRequestTimeout(Duration.ofSeconds(-1)))
                    .hasMessage("clientRequestTimeout: PT-1S (expected: a positive duration)");
        } finally {
            timer.shutdownNow();
        }
    }
}
