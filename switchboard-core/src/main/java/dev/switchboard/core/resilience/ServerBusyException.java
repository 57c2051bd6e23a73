package dev.switchboard.core.resilience;

/**
 * A call failed fast because the server already has as many calls in flight as its bulkhead
 * allows ({@code bulkhead.maxConcurrentCalls}); calls do not queue.
 */
public final class ServerBusyException extends CallRejectedException {
    private static final long serialVersionUID = 1L;

    private final int maxConcurrentCalls;

    ServerBusyException(String server, int maxConcurrentCalls) {
        super(
                server,
                "server " + server + " is busy: calls in flight: " + maxConcurrentCalls
                        + " (expected: fewer than bulkhead.maxConcurrentCalls " + maxConcurrentCalls + ")");
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    /** The bulkhead's limit that was reached. */
    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }
}
