package dev.switchboard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.config.PolicyConfig;
import dev.switchboard.core.config.PolicyDecision;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.config.StdioServerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
    private final StdioServerConfig a = Fixtures.stdio("a", List.of("run-a"), Fixtures.settings(SessionMode.SHARED));
    private final StdioServerConfig b = Fixtures.stdio("b", List.of("run-b"), Fixtures.settings(SessionMode.SHARED));
    private final StdioServerConfig c = Fixtures.stdio("c", List.of("run-c"), Fixtures.settings(SessionMode.SHARED));

    @Test
    void sortsServersIntoAddedRemovedUpdatedAndUnchanged() {
        StdioServerConfig changedB =
                Fixtures.stdio("b", List.of("run-b", "--verbose"), Fixtures.settings(SessionMode.SHARED));

        ConfigDiff diff = ConfigDiff.of(Fixtures.config(a, b), Fixtures.config(changedB, c));

        assertThat(diff.added()).containsExactly("c");
        assertThat(diff.removed()).containsExactly("a");
        assertThat(diff.updated()).containsExactly("b");
        assertThat(diff.unchanged()).isEmpty();
        assertThat(diff.retired()).containsExactly("a", "b");
        assertThat(diff).hasToString("+1 -1 ~1 =0");
    }

    @Test
    void equalServersAreUnchangedWhateverTheirOrder() {
        ConfigDiff diff = ConfigDiff.of(Fixtures.config(a, b), Fixtures.config(b, a));

        assertThat(diff.unchanged()).containsExactly("b", "a");
        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void aServerWhoseSessionModeChangesIsUpdated() {
        StdioServerConfig pooled = Fixtures.stdio("a", List.of("run-a"), Fixtures.settings(SessionMode.PER_IDENTITY));

        assertThat(ConfigDiff.of(Fixtures.config(a), Fixtures.config(pooled)).updated())
                .containsExactly("a");
    }

    @Test
    void namesTheGatewaySettingsThatChanged() {
        GatewaySettings before = GatewaySettings.DEFAULTS;
        GatewaySettings after = new GatewaySettings(
                before.listen(), ".", before.views(), before.auth(), new PolicyConfig(PolicyDecision.DENY, List.of()));

        ConfigDiff diff = ConfigDiff.of(GatewayConfig.of(before, List.of(a)), GatewayConfig.of(after, List.of(a)));

        assertThat(diff.gatewayChanges()).containsExactly("separator", "policy");
        assertThat(diff.isEmpty()).isFalse();
        assertThat(diff.unchanged()).containsExactly("a");
    }
}
