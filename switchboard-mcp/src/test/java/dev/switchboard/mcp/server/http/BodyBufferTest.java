package dev.switchboard.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyBufferTest {
    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void returnsTheArrayOfTheDeclaredLengthWhenTheBodyFillsIt() {
        BodyBuffer buffer = new BodyBuffer(5, 100);

        assertThat(buffer.append(text("ab"))).isTrue();
        assertThat(buffer.append(text("cde"))).isTrue();

        assertThat(new String(buffer.bytes(), StandardCharsets.UTF_8)).isEqualTo("abcde");
    }

    @Test
    void growsForABodyOfUnknownLength() {
        BodyBuffer buffer = new BodyBuffer(-1, 10_000);
        String part = "x".repeat(700);

        for (int i = 0; i < 10; i++) {
            assertThat(buffer.append(text(part))).isTrue();
        }

        assertThat(buffer.bytes()).hasSize(7000);
    }

    @Test
    void refusesBytesBeyondTheLimit() {
        BodyBuffer buffer = new BodyBuffer(-1, 8);

        assertThat(buffer.append(text("12345678"))).isTrue();
        assertThat(buffer.append(text("9"))).isFalse();
        assertThat(buffer.bytes()).hasSize(8);
    }

    @Test
    void keepsAShortBodyThatHasLessThanTheDeclaredLength() {
        BodyBuffer buffer = new BodyBuffer(10, 100);

        buffer.append(text("abc"));

        assertThat(new String(buffer.bytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }
}
