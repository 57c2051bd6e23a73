package dev.switchboard.mcp.client.http;

import java.util.Objects;

/**
 * One event of a server-sent event stream, as dispatched by {@link SseEventReader}.
 *
 * @param type the event type: the value of the last {@code event:} field, or {@code message} when
 *     there was none
 * @param data the {@code data:} lines of the event joined with {@code \n}; empty for a single
 *     empty {@code data:} line (blocks without any {@code data:} line are not dispatched)
 * @param lastEventId the stream's last event id when the event was dispatched: the value of the
 *     last {@code id:} field seen so far in the stream, or {@code ""} when none
 */
public record SseEvent(String type, String data, String lastEventId) {
    /** The type of events that have no {@code event:} field. */
    public static final String DEFAULT_TYPE = "message";

    /** Checks that every field is present. */
    public SseEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
    }
}
