package dev.switchboard.core.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The engine's own meters; their names and tag keys are here and nowhere else. */
final class EngineMeters {
    static final String RELOADS = "switchboard.engine.reloads";
    static final String OUTCOME = "outcome";

    private final Counter applied;
    private final Counter rejected;

    EngineMeters(MeterRegistry registry) {
        this.applied = Counter.builder(RELOADS)
                .description("configuration reloads, registrations and unregistrations, by outcome")
                .tag(OUTCOME, "applied")
                .register(registry);
        this.rejected = Counter.builder(RELOADS)
                .description("configuration reloads, registrations and unregistrations, by outcome")
                .tag(OUTCOME, "rejected")
                .register(registry);
    }

    void reloaded(boolean wasApplied) {
        (wasApplied ? applied : rejected).increment();
    }
}
