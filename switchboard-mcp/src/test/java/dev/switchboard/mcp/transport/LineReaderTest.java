package dev.switchboard.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static List<String> readAll(InputStream in, int max) throws IOException {
        LineReader reader = new LineReader(in, max);
        List<String> out = new ArrayList<>();
        for (LineReader.Result r = reader.next(); r != LineReader.Result.END; r = reader.next()) {
            out.add(
                    r == LineReader.Result.OVERSIZED
                            ? "<oversized>"
                            : new String(reader.buffer(), 0, reader.length(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void splitsOnNewlinesAndStripsCarriageReturns() throws IOException {
        InputStream in = new ByteArrayInputStream("a\r\nbb\n\nlast".getBytes(StandardCharsets.UTF_8));
        assertThat(readAll(in, 100)).containsExactly("a", "bb", "", "last");
    }

    @Test
    void skipsAnOversizedLineAndGoesOn() throws IOException {
        String big = "x".repeat(200_000);
        InputStream in = new ByteArrayInputStream(("ok\n" + big + "\nafter\n" + big).getBytes(StandardCharsets.UTF_8));
        assertThat(readAll(in, 1000)).containsExactly("ok", "<oversized>", "after", "<oversized>");
    }

    @Test
    void assemblesLinesSpreadOverManyReads() throws IOException {
        byte[] bytes = ("first line\n" + "y".repeat(70_000) + "\nend\n").getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                int n = Math.min(3, Math.min(len, bytes.length - pos));
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        List<String> lines = readAll(trickle, 100_000);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).hasSize(70_000);
        assertThat(lines.get(2)).isEqualTo("end");
    }
}
