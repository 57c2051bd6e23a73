package dev.switchboard.mcp.jsonrpc;

import java.util.List;

/**
 * What one payload (a line on stdio, an HTTP body, an SSE event, a WebSocket frame) decoded to.
 *
 * @param batch whether the payload was a JSON array (a JSON-RPC batch)
 * @param items the elements in order; exactly one when {@code batch} is false
 */
public record DecodedPayload(boolean batch, List<Decoded> items) {
    /** Copies the list. */
    public DecodedPayload {
        items = List.copyOf(items);
    }

    /** Whether every element is a valid message. */
    public boolean allValid() {
        for (Decoded d : items) {
            if (!(d instanceof Decoded.Valid)) {
                return false;
            }
        }
        return true;
    }
}
