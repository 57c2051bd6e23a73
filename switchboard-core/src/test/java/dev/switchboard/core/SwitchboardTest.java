package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.ConfigException;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.core.lifecycle.ServerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building and closing the facade, without starting any server (every server here is lazy). */
class SwitchboardTest {
    @TempDir
    Path dir;

    private static StdioServerConfig lazy(String name) {
        return new StdioServerConfig(name, "never-started", List.of(), Map.of(), null, false, ServerSettings.DEFAULTS);
    }

    @Test
    void anInvalidFileFailsWithEveryProblem() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(
                file, "{\"mcpServers\": {\"a\": {}, \"b\": {\"command\": \"x\", \"timeouts\": {\"call\": \"0s\"}}}}");

        assertThatThrownBy(() -> Switchboard.fromFile(file))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.errors().errors()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void aConfigurationBuiltInCodeIsCheckedForNamesTheNamespaceCannotCarry() {
        GatewayConfig config = GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(lazy("a__b"), lazy("-x")));

        assertThatThrownBy(() -> Switchboard.of(config))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.errors().errors())
                                .extracting(Object::toString)
                                .containsExactly(
                                        "mcpServers.a__b: \"a__b\" (expected: a name without the separator \"__\")",
                                        "mcpServers.-x: \"-x\" (expected: 1 to 64 letters, digits, '_', '.' or '-',"
                                                + " starting and ending with a letter or digit)"));
    }

    @Test
    void theBuilderTakesEachSettingOnce() {
        Switchboard.Builder builder =
                Switchboard.builder().config(GatewayConfig.of(GatewaySettings.DEFAULTS, List.of()));

        assertThatThrownBy(() -> builder.configFile(dir.resolve("x.yaml")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was already set");
        assertThatThrownBy(() -> Switchboard.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("config: not set (expected: config(...) or configFile(...))");
    }

    @Test
    void lazyServersAreListedIdleAndNothingStartsUntilUsed() {
        try (Switchboard switchboard =
                Switchboard.of(GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(lazy("one"), lazy("two"))))) {
            assertThat(switchboard.servers())
                    .extracting(ServerInfo::name, ServerInfo::state, ServerInfo::toolCount)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("one", ServerState.IDLE, null),
                            org.assertj.core.groups.Tuple.tuple("two", ServerState.IDLE, null));
            assertThat(switchboard.tools()).isEmpty();
            assertThat(switchboard.server("three")).isEmpty();
            assertThatThrownBy(() -> switchboard.reconnect("three")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aClosedSwitchboardRefusesWorkAndClosesOnce() {
        Switchboard switchboard = Switchboard.of(GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(lazy("one"))));
        switchboard.close();
        switchboard.close();

        assertThatThrownBy(() -> switchboard.callTool("one", "x", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> switchboard.register(lazy("two"))).isInstanceOf(IllegalStateException.class);
        assertThat(switchboard.servers()).isEmpty();
    }
}
