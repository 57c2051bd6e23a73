package dev.switchboard.core.resilience;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * The resilience metrics: their names and tag keys are here and nowhere else (the package
 * documentation describes them for users). Tags are low-cardinality: the server's name, and the
 * outcome for calls.
 */
final class ResilienceMeters {
    static final String BREAKER_STATE = "switchboard.breaker.state";
    static final String BREAKER_FAILURE_RATE = "switchboard.breaker.failure.rate";
    static final String CALLS = "switchboard.server.calls";
    static final String RETRIES = "switchboard.server.retries";
    static final String BULKHEAD_AVAILABLE = "switchboard.bulkhead.available";
    static final String TAG_SERVER = "server";
    static final String TAG_OUTCOME = "outcome";

    private final MeterRegistry registry;

    ResilienceMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the meters of {@code guard}; they read it, so recording costs nothing extra. */
    List<Meter> bind(ServerGuard guard) {
        Tags server = Tags.of(TAG_SERVER, guard.server());
        List<Meter> meters = new ArrayList<>();
        meters.add(Gauge.builder(BREAKER_STATE, guard, g -> stateCode(g.status().state()))
                .description("Circuit breaker state: 0 closed, 1 open, 2 half-open, 3 disabled, 4 forced open")
                .tags(server)
                .strongReference(true)
                .register(registry));
        meters.add(Gauge.builder(BREAKER_FAILURE_RATE, guard, g -> g.status().failureRate())
                .description("Percent of failed calls in the breaker's window; -1 until enough calls")
                .baseUnit("percent")
                .tags(server)
                .strongReference(true)
                .register(registry));
        meters.add(Gauge.builder(BULKHEAD_AVAILABLE, guard, g -> {
                    BreakerStatus s = g.status();
                    return s.maxConcurrentCalls() - s.callsInFlight();
                })
                .description("Calls the server's bulkhead still admits")
                .tags(server)
                .strongReference(true)
                .register(registry));
        for (CallOutcome outcome : CallOutcome.values()) {
            meters.add(FunctionCounter.builder(CALLS, guard, g -> g.count(outcome))
                    .description("Tries of calls to the server, by outcome")
                    .tags(server.and(TAG_OUTCOME, outcome.tag()))
                    .register(registry));
        }
        meters.add(FunctionCounter.builder(RETRIES, guard, ServerGuard::retries)
                .description("Retries of failed calls to the server")
                .tags(server)
                .register(registry));
        return List.copyOf(meters);
    }

    /** Removes meters made by {@link #bind}. */
    void unbind(List<Meter> meters) {
        meters.forEach(registry::remove);
    }

    static int stateCode(BreakerState state) {
        return switch (state) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
            case DISABLED -> 3;
            case FORCED_OPEN -> 4;
        };
    }
}
