package dev.switchboard.mcp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolVersionTest {
    @Test
    void answersWithTheRequestedRevisionWhenSupported() {
        assertThat(ProtocolVersion.negotiate("2025-06-18", EnumSet.allOf(ProtocolVersion.class)))
                .isEqualTo(ProtocolVersion.V2025_06_18);
    }

    @Test
    void answersWithTheNewestSupportedRevisionOtherwise() {
        assertThat(ProtocolVersion.negotiate("1999-01-01", EnumSet.allOf(ProtocolVersion.class)))
                .isEqualTo(ProtocolVersion.LATEST);
        assertThat(ProtocolVersion.negotiate(null, Set.of(ProtocolVersion.V2024_11_05, ProtocolVersion.V2025_03_26)))
                .isEqualTo(ProtocolVersion.V2025_03_26);
        assertThat(ProtocolVersion.negotiate("2025-11-25", Set.of(ProtocolVersion.V2024_11_05)))
                .isEqualTo(ProtocolVersion.V2024_11_05);
        assertThatThrownBy(() -> ProtocolVersion.negotiate("2025-11-25", Set.of()))
                .hasMessageContaining("expected: at least one");
    }

    @Test
    void batchesOnlyWhereTheRevisionAllowsThem() {
        assertThat(ProtocolVersion.V2025_03_26.allowsBatches()).isTrue();
        assertThat(ProtocolVersion.V2025_06_18.allowsBatches()).isFalse();
        assertThat(ProtocolVersion.V2025_11_25.allowsBatches()).isFalse();
        assertThat(ProtocolVersion.parse("2025-11-25")).contains(ProtocolVersion.V2025_11_25);
        assertThat(ProtocolVersion.parse("nope")).isEmpty();
    }
}
