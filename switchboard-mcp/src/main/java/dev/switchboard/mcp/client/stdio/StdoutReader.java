package dev.switchboard.mcp.client.stdio;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.DecodedPayload;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the lines of a child's stdout into messages for a {@link Transport.Listener}. Each line is
 * one JSON-RPC message or batch (delivered element by element). Anything else a server prints there,
 * such as banners, blank lines, log lines or a line over the size limit, is skipped and logged,
 * never fatal: the first few at WARN, the rest at DEBUG. A well-formed JSON value that is not a
 * valid message goes to {@link Transport.Listener#onInvalidMessage}; when it is clearly a request
 * (it has a readable id and is not a response), the server is answered with the JSON-RPC error.
 * Used by one reader thread.
 */
final class StdoutReader {
    private static final Logger log = LoggerFactory.getLogger(StdoutReader.class);
    private static final int LOUD_REPORTS = 5;
    private static final int SNIPPET_BYTES = 160;

    private final String source;
    private final JsonRpcCodec codec;
    private final Transport.Listener listener;
    private final Consumer<JsonRpcResponse> answer;
    private final Runnable onFirstMessage;
    private final AtomicLong skipped = new AtomicLong();
    private int warnings;
    private boolean seenMessage;

    /**
     * @param source names the server in logs
     * @param answer sends an error response back to the server
     * @param onFirstMessage runs once, before the first message is delivered
     */
    StdoutReader(
            String source,
            JsonRpcCodec codec,
            Transport.Listener listener,
            Consumer<JsonRpcResponse> answer,
            Runnable onFirstMessage) {
        this.source = source;
        this.codec = codec;
        this.listener = listener;
        this.answer = answer;
        this.onFirstMessage = onFirstMessage;
    }

    /** How many lines were skipped because they were not JSON-RPC or too long. */
    long skippedLines() {
        return skipped.get();
    }

    /** One line of stdout, without its line terminator: {@code length} bytes of {@code line}. */
    void onLine(byte[] line, int length) {
        int start = 0;
        while (start < length && isWhitespace(line[start])) {
            start++;
        }
        if (start == length) {
            skipped.incrementAndGet();
            log.trace("{}: skipped a blank stdout line", source);
            return;
        }
        if (line[start] != '{' && line[start] != '[') {
            skip("a stdout line that is not JSON", line, length);
            return;
        }
        DecodedPayload payload = codec.decode(line, 0, length);
        if (!payload.batch()
                && payload.items().get(0) instanceof Decoded.Invalid invalid
                && invalid.error().code() == JsonRpcError.PARSE_ERROR) {
            skip("a stdout line that is not JSON (" + invalid.error().message() + ")", line, length);
            return;
        }
        if (!seenMessage) {
            seenMessage = true;
            onFirstMessage.run();
        }
        for (Decoded item : payload.items()) {
            switch (item) {
                case Decoded.Valid valid -> deliver(valid);
                case Decoded.Invalid invalid -> reject(invalid);
            }
        }
    }

    /** A stdout line longer than {@code maxLineBytes} was discarded. */
    void onOversized(int maxLineBytes) {
        skipped.incrementAndGet();
        report(
                "skipped a stdout line",
                "longer than " + maxLineBytes + " bytes (expected: at most " + maxLineBytes + ")");
    }

    private void deliver(Decoded.Valid valid) {
        try {
            listener.onMessage(valid.message(), null);
        } catch (RuntimeException e) {
            log.warn("{}: the listener failed on a message", source, e);
        }
    }

    private void reject(Decoded.Invalid invalid) {
        String description =
                source + ": " + invalid.error().message() + (invalid.id() != null ? " (id " + invalid.id() + ")" : "");
        report("received an invalid message", invalid.error().message());
        try {
            listener.onInvalidMessage(description);
        } catch (RuntimeException e) {
            log.warn("{}: the listener failed on an invalid message", source, e);
        }
        if (invalid.expectsAnswer() && invalid.id() != null) {
            try {
                answer.accept(JsonRpcResponse.failure(invalid.id(), invalid.error()));
            } catch (RuntimeException e) {
                log.debug("{}: could not answer an invalid request: {}", source, e.toString());
            }
        }
    }

    private void skip(String what, byte[] line, int length) {
        skipped.incrementAndGet();
        report("skipped " + what, new String(line, 0, Math.min(length, SNIPPET_BYTES), StandardCharsets.UTF_8));
    }

    /** Logs the first few problems at WARN, the rest at DEBUG, so a noisy server cannot flood the log. */
    private void report(String what, String detail) {
        if (warnings < LOUD_REPORTS) {
            warnings++;
            String more = warnings == LOUD_REPORTS ? " (further ones are logged at DEBUG)" : "";
            log.warn("{}: {}{}: {}", source, what, more, detail);
        } else {
            log.debug("{}: {}: {}", source, what, detail);
        }
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
    }
}
