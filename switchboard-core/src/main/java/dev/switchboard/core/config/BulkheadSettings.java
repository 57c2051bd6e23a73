package dev.switchboard.core.config;

/**
 * How many calls one server may have in flight at once; a call beyond that fails at once instead
 * of queueing. In the file: {@code bulkhead: {maxConcurrentCalls: 100}}.
 *
 * @param maxConcurrentCalls the most calls in flight to the server; default 100
 */
public record BulkheadSettings(int maxConcurrentCalls) {

    /** The default: 100 calls in flight. */
    public static final BulkheadSettings DEFAULTS = new BulkheadSettings(100);
}
