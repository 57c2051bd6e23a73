package dev.switchboard.mcp.client.stdio;

import dev.switchboard.mcp.transport.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a child's stderr line by line into a bounded ring of recent lines, and logs each line at
 * INFO under {@code dev.switchboard.mcp.client.stdio.StdioClientTransport.stderr} with the server's
 * name. A line is kept and logged up to 4,096 characters, with its length noted when it was cut; a
 * line over 64 KiB is discarded and noted. {@link #read} runs on one thread; the other methods are
 * thread-safe.
 */
final class StderrReader {
    private static final Logger log = LoggerFactory.getLogger(StdioClientTransport.class.getName() + ".stderr");
    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final int MAX_KEPT_CHARS = 4096;

    private final String name;
    private final LineRing ring;

    StderrReader(String name, int lines) {
        this.name = name;
        this.ring = new LineRing(lines);
    }

    /** Reads {@code in} to its end. */
    void read(InputStream in) {
        LineReader lines = new LineReader(in, MAX_LINE_BYTES);
        try {
            for (LineReader.Result r = lines.next(); r != LineReader.Result.END; r = lines.next()) {
                if (r == LineReader.Result.LINE) {
                    keep(new String(lines.buffer(), 0, lines.length(), StandardCharsets.UTF_8));
                } else {
                    keep("[a line longer than " + MAX_LINE_BYTES + " bytes was discarded]");
                }
            }
        } catch (IOException e) {
            log.debug("[{}] stderr read ended: {}", name, e.toString());
        }
    }

    /** All the lines held, oldest first. */
    List<String> recent() {
        return ring.snapshot();
    }

    /** The last {@code count} lines, oldest first. */
    List<String> last(int count) {
        return ring.last(count);
    }

    private void keep(String line) {
        String kept = line.length() <= MAX_KEPT_CHARS
                ? line
                : line.substring(0, MAX_KEPT_CHARS) + "... (" + line.length() + " characters)";
        ring.add(kept);
        log.info("[{}] {}", name, kept);
    }
}
