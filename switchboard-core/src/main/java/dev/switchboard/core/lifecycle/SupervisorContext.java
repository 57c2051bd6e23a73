package dev.switchboard.core.lifecycle;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * What every supervisor of a registry shares: how to connect, when (timer and clock), where
 * blocking work runs, the jitter source and the settings. Tests inject fakes for each.
 *
 * @param connector makes connections
 * @param timer schedules reconnects; its tasks only hand work to {@code executor}
 * @param executor runs connection attempts and closes, which block (virtual threads)
 * @param clock stamps the status and measures uptime and backoff
 * @param random draws the jitter
 * @param settings backoff, caps and timeouts
 */
record SupervisorContext(
        ServerConnector connector,
        ScheduledExecutorService timer,
        Executor executor,
        Clock clock,
        RandomGenerator random,
        SupervisionSettings settings) {}
