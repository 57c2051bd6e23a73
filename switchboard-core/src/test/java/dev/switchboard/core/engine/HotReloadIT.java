package dev.switchboard.core.engine;

import static dev.switchboard.core.engine.Fixtures.pid;
import static dev.switchboard.core.engine.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.ReloadResult;
import dev.switchboard.core.config.ConfigError;
import dev.switchboard.core.config.ConfigLoader;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.session.RequestOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Hot reload of each kind against real processes: what keeps running, what is replaced, what drains. */
class HotReloadIT {
    private final McpRuntime runtime = new McpRuntime();
    private final StdioServerConfig alpha = Fixtures.probe("alpha", SessionMode.SHARED);
    private final Engine engine = Engine.start(
            new EngineSetup(
                    runtime,
                    new SimpleMeterRegistry(),
                    Clock.systemUTC(),
                    Fixtures.SUPERVISION,
                    new ConfigLoader(Map.of())),
            Fixtures.config(alpha));

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        engine.close();
        runtime.close();
    }

    private String whoami(String server) {
        return text(engine.callTool(null, server, "whoami", null, RequestOptions.defaults())
                .join());
    }

    private static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    @Test
    void addedServerIsUsableAndUnchangedServerKeepsItsSessionAndProcess() {
        String before = whoami("alpha");

        ReloadResult result = engine.reload(Fixtures.config(alpha, Fixtures.probe("beta", SessionMode.SHARED)));

        assertThat(result.applied()).isTrue();
        assertThat(result.added()).containsExactly("beta");
        assertThat(result.unchanged()).containsExactly("alpha");
        assertThat(result.updated()).isEmpty();
        assertThat(whoami("alpha")).isEqualTo(before);
        assertThat(pid(whoami("beta"))).isNotEqualTo(pid(before));
        await().until(() -> engine.tools(null).stream().anyMatch(t -> t.name().equals("beta__whoami")));

        GatewaySettings dotted = new GatewaySettings(
                GatewaySettings.DEFAULTS.listen(),
                ".",
                GatewaySettings.DEFAULTS.views(),
                GatewaySettings.DEFAULTS.auth(),
                GatewaySettings.DEFAULTS.policy());
        ReloadResult renamed = engine.reload(GatewayConfig.of(dotted, List.of(alpha)));

        assertThat(renamed.gatewayChanges()).containsExactly("separator");
        assertThat(renamed.removed()).containsExactly("beta");
        assertThat(engine.tools(null))
                .extracting(t -> t.name())
                .contains("alpha.whoami")
                .noneMatch(n -> n.startsWith("beta"));
        assertThat(whoami("alpha")).isEqualTo(before);
    }

    @Test
    void updatedServerServesNewCallsWithANewSessionAndTheOldProcessStops() {
        String before = whoami("alpha");
        List<String> args = new java.util.ArrayList<>(alpha.args());
        args.addFirst("-Dswitchboard.test.generation=2");
        StdioServerConfig changed = new StdioServerConfig(
                "alpha", alpha.command(), args, alpha.env(), alpha.cwd(), alpha.inheritEnv(), alpha.settings());

        ReloadResult result = engine.reload(Fixtures.config(changed));

        assertThat(result.updated()).containsExactly("alpha");
        String after = whoami("alpha");
        assertThat(pid(after)).isNotEqualTo(pid(before));
        await().atMost(Duration.ofSeconds(15)).until(() -> gone(pid(before)));
        assertThat(whoami("alpha")).isEqualTo(after);
        assertThat(engine.tools(null)).extracting(t -> t.name()).contains("alpha__whoami");
    }

    @Test
    void removedServerFinishesItsCallInFlightThenItsProcessStops() {
        long pid = pid(whoami("alpha"));
        CompletableFuture<JsonNode> slow =
                engine.callTool(null, "alpha", "slow", Fixtures.args("ms", 1500), RequestOptions.defaults());
        await().until(() -> engine.server("alpha").orElseThrow().status().inFlight() == 1);

        ReloadResult result = engine.reload(Fixtures.config());

        assertThat(result.removed()).containsExactly("alpha");
        assertThatThrownBy(() -> engine.callTool(null, "alpha", "whoami", null, RequestOptions.defaults())
                        .join())
                .hasCauseInstanceOf(NotFoundException.class);
        assertThat(text(slow.join())).isEqualTo("done");
        await().atMost(Duration.ofSeconds(15)).until(() -> gone(pid));
        assertThat(engine.servers(null)).isEmpty();
        assertThat(engine.tools(null)).isEmpty();
    }

    @Test
    void invalidReloadChangesNothingAndReportsEveryError() throws IOException {
        String before = whoami("alpha");
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, """
                mcpServers:
                  alpha:
                    comand: java
                  beta:
                    command: java
                    url: http://127.0.0.1:1/mcp
                """);

        ReloadResult result = engine.reload(file);

        assertThat(result.applied()).isFalse();
        assertThat(result.errors()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(result.errors()).extracting(ConfigError::path).anyMatch(p -> p.startsWith("mcpServers.alpha"));
        assertThat(result.errors()).extracting(ConfigError::path).anyMatch(p -> p.startsWith("mcpServers.beta"));
        assertThat(engine.config().servers()).containsOnlyKeys("alpha");
        assertThat(whoami("alpha")).isEqualTo(before);
    }

    @Test
    void configurationBuiltInCodeWithANameTheNamespaceCannotCarryIsRejected() {
        GatewayConfig bad =
                GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(alpha, Fixtures.probe("a__b", SessionMode.SHARED)));

        ReloadResult result = engine.reload(bad);

        assertThat(result.applied()).isFalse();
        assertThat(result.errors())
                .singleElement()
                .hasToString("mcpServers.a__b: \"a__b\" (expected: a name without the separator \"__\")");
        assertThat(engine.config().servers()).containsOnlyKeys("alpha");
    }

    @Test
    void serversAreRegisteredAndUnregisteredAtRuntime() {
        String before = whoami("alpha");

        ReloadResult added = engine.register(Fixtures.probe("gamma", SessionMode.SHARED));
        assertThat(added.added()).containsExactly("gamma");
        long gamma = pid(whoami("gamma"));
        assertThat(engine.register(Fixtures.probe("gamma", SessionMode.SHARED)).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("a name not already used"));

        ReloadResult removed = engine.unregister("gamma");
        assertThat(removed.removed()).containsExactly("gamma");
        assertThat(engine.unregister("gamma").applied()).isFalse();
        await().atMost(Duration.ofSeconds(15)).until(() -> gone(gamma));
        assertThat(whoami("alpha")).isEqualTo(before);
    }

    @Test
    void failingServerNeverAffectsTheOthers() {
        StdioServerConfig broken = Fixtures.stdio(
                "broken", List.of("sh", "-c", "echo nope >&2; exit 3"), Fixtures.settings(SessionMode.SHARED));
        engine.register(broken);

        assertThatThrownBy(() -> engine.callTool(null, "broken", "x", null, RequestOptions.defaults())
                        .join())
                .hasMessageContaining("server broken");
        assertThat(text(engine.callTool(
                                null, "alpha", "echo", Fixtures.args("message", "fine"), RequestOptions.defaults())
                        .join()))
                .isEqualTo("fine");
        assertThat(engine.server("broken").orElseThrow().errorPhase())
                .isEqualTo(dev.switchboard.core.lifecycle.ErrorPhase.INITIALIZE);
        assertThat(engine.tools(null)).extracting(t -> t.name()).contains("alpha__whoami");
    }
}
