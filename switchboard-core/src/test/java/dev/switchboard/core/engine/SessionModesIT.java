package dev.switchboard.core.engine;

import static dev.switchboard.core.engine.Fixtures.pid;
import static dev.switchboard.core.engine.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.ServerSession;
import dev.switchboard.core.SessionLimitException;
import dev.switchboard.core.config.BreakerSettings;
import dev.switchboard.core.config.ConfigLoader;
import dev.switchboard.core.config.PoolSettings;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.core.pool.PoolStats;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.session.RequestOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three session modes against real processes: who shares a downstream session with whom. */
class SessionModesIT {
    private final McpRuntime runtime = new McpRuntime();
    private Engine engine = Engine.start(setup(), Fixtures.config());

    private EngineSetup setup() {
        return new EngineSetup(
                runtime,
                new SimpleMeterRegistry(),
                Clock.systemUTC(),
                Fixtures.SUPERVISION,
                new ConfigLoader(Map.of()));
    }

    @AfterEach
    void close() {
        engine.close();
        runtime.close();
    }

    private static final Principal ALICE = new Principal("alice", null, Set.of());
    private static final Principal BOB = new Principal("bob", null, Set.of());

    private String whoami(@org.jspecify.annotations.Nullable Principal principal, String server) {
        return text(engine.callTool(principal, server, "whoami", null, RequestOptions.defaults())
                .join());
    }

    @Test
    void twoIdentitiesNeverShareASessionWhileOneIdentityReusesItsOwn() {
        engine.register(Fixtures.probe("pooled", SessionMode.PER_IDENTITY));

        String alice = whoami(ALICE, "pooled");
        String bob = whoami(BOB, "pooled");

        assertThat(whoami(ALICE, "pooled")).isEqualTo(alice);
        assertThat(whoami(BOB, "pooled")).isEqualTo(bob);
        assertThat(pid(alice)).isNotEqualTo(pid(bob));
        PoolStats stats = engine.poolStats().get("pooled");
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.keyCount()).isEqualTo(2);

        engine.unregister("pooled");
        await().atMost(Duration.ofSeconds(15)).until(() -> gone(pid(alice)) && gone(pid(bob)));
    }

    private static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    @Test
    void sharedModeServesEveryCallerOverOneSession() {
        engine.register(Fixtures.probe("shared", SessionMode.SHARED));

        assertThat(whoami(ALICE, "shared")).isEqualTo(whoami(BOB, "shared")).isEqualTo(whoami(null, "shared"));
    }

    @Test
    void perSessionHandleOwnsItsProcessAndStopsItWhenClosed() {
        engine.register(Fixtures.probe("own", SessionMode.PER_SESSION));

        ServerSession first = engine.openSession(ALICE, "own", UnaryOperator.identity());
        ServerSession second = engine.openSession(ALICE, "own", UnaryOperator.identity());
        String one = text(first.callTool("whoami", null));
        long pid = first.processId().orElseThrow();

        assertThat(pid(one)).isEqualTo(pid);
        assertThat(text(first.callTool("whoami", null))).isEqualTo(one);
        assertThat(second.processId().orElseThrow()).isNotEqualTo(pid);

        first.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> gone(pid));
        assertThat(first.isOpen()).isFalse();
        assertThatThrownBy(() -> first.callTool("whoami", null)).hasMessageContaining("this session is closed");
        assertThat(pid(text(second.callTool("whoami", null))))
                .isEqualTo(second.processId().orElseThrow());
        second.close();
    }

    @Test
    void perSessionServerRefusesSessionsBeyondItsCapUntilOneCloses() {
        PoolSettings one = new PoolSettings(
                1, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(20));
        engine.register(Fixtures.stdio(
                "capped",
                Fixtures.java(ProbeServer.class.getName()),
                Fixtures.settings(SessionMode.PER_SESSION, one, BreakerSettings.DEFAULTS, Fixtures.TIMEOUTS)));

        ServerSession held = engine.openSession(null, "capped", UnaryOperator.identity());

        assertThatThrownBy(() -> engine.openSession(null, "capped", UnaryOperator.identity()))
                .isInstanceOf(SessionLimitException.class)
                .hasMessageContaining("capped is busy")
                .hasMessageContaining("pool.maxPerKey 1");
        held.close();
        try (ServerSession again = engine.openSession(null, "capped", UnaryOperator.identity())) {
            assertThat(text(again.callTool("echo", Fixtures.args("message", "hi"))))
                    .isEqualTo("hi");
        }
    }
}
