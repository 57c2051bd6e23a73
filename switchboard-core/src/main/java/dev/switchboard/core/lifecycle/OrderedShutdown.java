package dev.switchboard.core.lifecycle;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes supervisors one after another, in the order given, each on a virtual thread of its own so
 * that a close that hangs cannot hold up the rest for longer than {@code perServer}; once {@code
 * total} is spent, the remaining ones are started all at once and left to finish in the background.
 */
final class OrderedShutdown {
    private static final Logger log = LoggerFactory.getLogger(OrderedShutdown.class);

    private final Duration perServer;
    private final Duration total;

    OrderedShutdown(Duration perServer, Duration total) {
        this.perServer = perServer;
        this.total = total;
    }

    /** Closes {@code supervisors} in order; returns within about {@code total}. */
    void close(List<ServerSupervisor> supervisors) {
        long deadline = System.nanoTime() + total.toNanos();
        for (int i = 0; i < supervisors.size(); i++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                List<ServerSupervisor> rest = supervisors.subList(i, supervisors.size());
                log.warn(
                        "closing servers took more than {} ms; closing {} more in the background",
                        total.toMillis(),
                        rest.size());
                rest.forEach(this::start);
                return;
            }
            ServerSupervisor s = supervisors.get(i);
            Thread closing = start(s);
            Duration wait = Duration.ofNanos(Math.min(remaining, perServer.toNanos()));
            try {
                if (!closing.join(wait)) {
                    log.warn(
                            "server {}: still closing after {} ms; going on with the others",
                            s.name(),
                            wait.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                supervisors.subList(i + 1, supervisors.size()).forEach(this::start);
                return;
            }
        }
    }

    private Thread start(ServerSupervisor s) {
        return Thread.ofVirtual().name("close-" + s.name()).start(() -> {
            try {
                s.close(perServer);
            } catch (RuntimeException e) {
                log.warn("server {}: close failed", s.name(), e);
            }
        });
    }
}
