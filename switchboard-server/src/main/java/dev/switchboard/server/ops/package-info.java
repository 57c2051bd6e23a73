/**
 * Operating the gateway: {@link dev.switchboard.server.ops.Reloader} (one reload path for file
 * changes, {@code SIGHUP} and the admin API, with one log line per reload), {@link
 * dev.switchboard.server.ops.ConfigWatcher} (debounced file watching that survives editors' renames),
 * {@link dev.switchboard.server.ops.SighupTrigger}, and {@link dev.switchboard.server.ops.CallLog}
 * (one structured line and one timer sample per tool call, and the count of calls in flight that
 * shutdown drains).
 *
 * <p>Meters: {@code switchboard.gateway.calls} (timer, seconds; tags {@code server}, {@code
 * outcome}), buckets from 5 ms to 60 s.
 */
@NullMarked
package dev.switchboard.server.ops;

import org.jspecify.annotations.NullMarked;
