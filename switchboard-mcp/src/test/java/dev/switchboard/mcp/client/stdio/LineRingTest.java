package dev.switchboard.mcp.client.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineRingTest {

    @Test
    void keepsOnlyTheMostRecentLinesOldestFirst() {
        LineRing ring = new LineRing(3);
        for (int i = 1; i <= 5; i++) {
            ring.add("line " + i);
        }

        assertThat(ring.snapshot()).containsExactly("line 3", "line 4", "line 5");
        assertThat(ring.last(2)).containsExactly("line 4", "line 5");
        assertThat(ring.last(10)).hasSize(3);
    }

    @Test
    void startsEmpty() {
        assertThat(new LineRing(5).snapshot()).isEmpty();
    }

    @Test
    void rejectsACapacityBelowOne() {
        assertThatThrownBy(() -> new LineRing(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity: 0 (expected: positive)");
    }
}
