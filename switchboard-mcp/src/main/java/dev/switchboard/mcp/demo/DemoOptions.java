package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.McpRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Settings of a demo server.
 *
 * @param timer schedules the periodic update of the watched resource (only while a client
 *     subscribes)
 * @param executor runs those updates, which send notifications and may block (virtual threads)
 * @param clock stamps the watched resource's content
 * @param pageSize the most items of one {@code tools/list}, {@code resources/list}, {@code
 *     resources/templates/list} or {@code prompts/list} page; 0 puts every item in one page
 * @param resourceUpdateInterval how often {@code test://watched-resource} changes while subscribed;
 *     positive
 * @param clientRequestTimeout how long a tool waits for the client's answer to {@code
 *     sampling/createMessage} or {@code elicitation/create}; positive
 */
public record DemoOptions(
        ScheduledExecutorService timer,
        Executor executor,
        Clock clock,
        int pageSize,
        Duration resourceUpdateInterval,
        Duration clientRequestTimeout) {

    /** The default interval of the watched resource's updates: 3 seconds. */
    public static final Duration DEFAULT_RESOURCE_UPDATE_INTERVAL = Duration.ofSeconds(3);

    /** The default timeout of sampling and elicitation requests: 60 seconds. */
    public static final Duration DEFAULT_CLIENT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** Checks every field. */
    public DemoOptions {
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(clock, "clock");
        if (pageSize < 0) {
            throw new IllegalArgumentException("pageSize: " + pageSize + " (expected: >= 0)");
        }
        requirePositive("resourceUpdateInterval", resourceUpdateInterval);
        requirePositive("clientRequestTimeout", clientRequestTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: a positive duration)");
        }
    }

    /**
     * Options using the runtime's timer and virtual threads and the system clock, one page per list,
     * default intervals.
     */
    public static DemoOptions of(McpRuntime runtime) {
        return new DemoOptions(
                runtime.timer(),
                runtime.virtualThreads(),
                Clock.systemUTC(),
                0,
                DEFAULT_RESOURCE_UPDATE_INTERVAL,
                DEFAULT_CLIENT_REQUEST_TIMEOUT);
    }

    /** These options with another page size (0: one page). */
    public DemoOptions withPageSize(int size) {
        return new DemoOptions(timer, executor, clock, size, resourceUpdateInterval, clientRequestTimeout);
    }

    /** These options with another update interval of the watched resource. */
    public DemoOptions withResourceUpdateInterval(Duration interval) {
        return new DemoOptions(timer, executor, clock, pageSize, interval, clientRequestTimeout);
    }

    /** These options with another timeout for the client's answers to sampling and elicitation. */
    public DemoOptions withClientRequestTimeout(Duration timeout) {
        return new DemoOptions(timer, executor, clock, pageSize, resourceUpdateInterval, timeout);
    }

    /** These options with another clock. */
    public DemoOptions withClock(Clock newClock) {
        return new DemoOptions(timer, executor, newClock, pageSize, resourceUpdateInterval, clientRequestTimeout);
    }
}
