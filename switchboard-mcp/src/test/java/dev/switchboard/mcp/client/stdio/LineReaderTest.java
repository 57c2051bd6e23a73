package dev.switchboard.mcp.client.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void splitsAtNewlinesAndDropsTheCarriageReturnBeforeThem() throws IOException {
        assertThat(read("one\ntwo\r\n\nthree\n", 100)).containsExactly("one", "two", "", "three");
    }

    @Test
    void deliversALastLineWithoutNewlineAtTheEnd() throws IOException {
        assertThat(read("one\ntwo", 100)).containsExactly("one", "two");
    }

    @Test
    void deliversNothingForAnEmptyStream() throws IOException {
        assertThat(read("", 100)).isEmpty();
    }

    @Test
    void reportsALineOverTheLimitWithItsLengthAndGoesOnWithTheNext() throws IOException {
        String longLine = "x".repeat(50_000);

        List<String> lines = read("before\n" + longLine + "\nafter\n", 1024);

        assertThat(lines).containsExactly("before", "oversized 50000 bytes, kept 1024", "after");
    }

    @Test
    void reportsAnOverLimitLastLineWithoutNewline() throws IOException {
        assertThat(read("ok\n" + "y".repeat(3000), 1024)).containsExactly("ok", "oversized 3000 bytes, kept 1024");
    }

    @Test
    void acceptsALineOfExactlyTheLimit() throws IOException {
        String line = "z".repeat(1024);

        assertThat(read(line + "\n", 1024)).containsExactly(line);
    }

    @Test
    void joinsLinesThatArriveOneByteAtATime() throws IOException {
        InputStream trickle = new ByteArrayInputStream("{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };

        assertThat(read(trickle, 100)).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void keepsMultiByteCharactersIntact() throws IOException {
        assertThat(read("héllo wörld ✓\n", 100)).containsExactly("héllo wörld ✓");
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThatThrownBy(() -> new LineReader(InputStream.nullInputStream(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLineBytes: 0 (expected: positive)");
    }

    private static List<String> read(String text, int limit) throws IOException {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limit);
    }

    private static List<String> read(InputStream in, int limit) throws IOException {
        List<String> lines = new ArrayList<>();
        LineReader reader = new LineReader(in, limit);
        LineReader.Sink sink = new LineReader.Sink() {
            @Override
            public void onLine(byte[] line, int length) {
                lines.add(new String(line, 0, length, StandardCharsets.UTF_8));
            }

            @Override
            public void onOversized(byte[] prefix, int prefixLength, long totalLength) {
                lines.add("oversized " + totalLength + " bytes, kept " + prefixLength);
            }
        };
        int guard = 0;
        while (reader.next(sink)) {
            assertThat(++guard).as("lines read").isLessThan(1000);
        }
        return lines;
    }
}
