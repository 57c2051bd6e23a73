package dev.switchboard.mcp.client.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a child's stderr line by line into a bounded ring of recent lines, and logs each line at
 * INFO under {@code dev.switchboard.mcp.client.stdio.StdioClientTransport.stderr} with the server's
 * name. A line over 4 KiB is cut, with its length noted. {@link #read} runs on one thread; the other
 * methods are thread-safe.
 */
final class StderrReader implements LineReader.Sink {
    private static final Logger log = LoggerFactory.getLogger(StdioClientTransport.class.getName() + ".stderr");
    private static final int MAX_LINE_BYTES = 4096;

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
            while (lines.next(this)) {
                // each line went to the ring and the log
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(StderrReader.class).debug("{}: stderr read ended: {}", name, e.toString());
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

    @Override
    public void onLine(byte[] line, int length) {
        keep(new String(line, 0, length, StandardCharsets.UTF_8));
    }

    @Override
    public void onOversized(byte[] prefix, int prefixLength, long totalLength) {
        keep(new String(prefix, 0, prefixLength, StandardCharsets.UTF_8) + "... (" + totalLength + " bytes)");
    }

    private void keep(String line) {
        ring.add(line);
        log.info("[{}] {}", name, line);
    }
}
