package dev.switchboard.mcp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mcp.McpRuntime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoArgumentsTest {

    @Test
    void servesStdioOnLoopbackDefaultsWithoutArguments() {
        DemoArguments args = DemoArguments.parse(new String[0]);

        assertThat(args.httpPort()).isNull();
        assertThat(args.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void readsTheHttpPortAndHost() {
        DemoArguments args = DemoArguments.parse(new String[] {"--http", "0", "--host", "localhost"});

        assertThat(args.httpPort()).isZero();
        assertThat(args.host()).isEqualTo("localhost");
    }

    @Test
    void rejectsBadPortsMissingValuesAndUnknownArguments() {
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--http", "65536"}))
                .hasMessage("--http: 65536 (expected: a port from 0 to 65535)");
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--http"}))
                .hasMessage("--http: missing (expected: a value)");
        assertThatThrownBy(() -> DemoArguments.parse(new String[] {"--verbose"}))
                .hasMessage("argument: --verbose (expected: --http PORT or --host HOST)");
    }

    @Test
    void optionsRejectANegativePageSizeAndNonPositiveIntervals() {
        try (McpRuntime runtime = new McpRuntime()) {
            DemoOptions options = DemoOptions.of(runtime);

            assertThatThrownBy(() -> options.withPageSize(-1)).hasMessage("pageSize: -1 (expected: >= 0)");
            assertThatThrownBy(() -> options.withResourceUpdateInterval(Duration.ZERO))
                    .hasMessage("resourceUpdateInterval: PT0S (expected: a positive duration)");
            assertThatThrownBy(() -> options.withClientRequestTimeout(Duration.ofSeconds(-1)))
                    .hasMessage("clientRequestTimeout: PT-1S (expected: a positive duration)");
        }
    }
}
