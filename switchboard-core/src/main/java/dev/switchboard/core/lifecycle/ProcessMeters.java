package dev.switchboard.core.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The lifecycle's meters: processes started and processes crashed, per server. Their names and the
 * tag key are here and nowhere else. Thread-safe (Micrometer registers each counter once and hands
 * out the same one afterwards).
 */
final class ProcessMeters {
    /** Counter: stdio processes started, tag {@value #SERVER}. */
    static final String STARTS = "switchboard.server.process.starts";
    /** Counter: stdio processes that exited while their connection was in use, tag {@value #SERVER}. */
    static final String CRASHES = "switchboard.server.process.crashes";
    /** The tag key: the server's name. */
    static final String SERVER = "server";

    private final MeterRegistry registry;

    ProcessMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A process of {@code server} started. Registers the crash counter too, at zero, so that a rate
     * over it sees the first crash.
     */
    void started(String server) {
        starts(server).increment();
        crashes(server);
    }

    /** A process of {@code server} exited while its connection was in use. */
    void crashed(String server) {
        crashes(server).increment();
    }

    private Counter starts(String server) {
        return Counter.builder(STARTS)
                .description("stdio server processes started, by server")
                .tag(SERVER, server)
                .register(registry);
    }

    private Counter crashes(String server) {
        return Counter.builder(CRASHES)
                .description("stdio server processes that exited while their connection was in use, by server")
                .tag(SERVER, server)
                .register(registry);
    }
}
