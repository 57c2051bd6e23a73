package dev.switchboard.server.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.server.Handler;
import org.jspecify.annotations.Nullable;

/**
 * The routes of a {@link GatewayServer}: each an exact path ({@code /mcp}) or a prefix ({@code
 * /mcp/servers/*}, every path below {@code /mcp/servers/}), with its {@link Access} and the Jetty
 * handler that serves it. An exact route wins over a prefix, a longer prefix over a shorter one.
 * Views, the admin API and the probes all register here; nothing is special-cased in the server.
 *
 * <p>Routes are registered before the server starts; registering after that throws. A handler's
 * lifecycle follows the server's (it is started and stopped with it). Thread-safe.
 */
public final class RouteTable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Route> exact = new LinkedHashMap<>();
    private final List<Route> prefixes = new ArrayList<>();
    private volatile boolean frozen;

    /**
     * One route.
     *
     * @param pattern the path as registered: exact, or ending in {@code /*}
     * @param access who may use it
     * @param handler what serves it
     */
    public record Route(String pattern, Access access, Handler handler) {
        /** Whether the route covers every path below its prefix. */
        public boolean isPrefix() {
            return pattern.endsWith("/*");
        }

        String prefix() {
            return pattern.substring(0, pattern.length() - 1);
        }
    }

    /**
     * Registers a route.
     *
     * @param pattern an exact path such as {@code /mcp}, or a prefix such as {@code /mcp/servers/*}
     * @param access who may use it
     * @param handler what serves it; it may serve several routes
     * @return this table
     * @throws IllegalArgumentException when the pattern is malformed or already registered
     * @throws IllegalStateException when the server has started
     */
    public RouteTable route(String pattern, Access access, Handler handler) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        check(pattern);
        lock.lock();
        try {
            if (frozen) {
                throw new IllegalStateException(
                        "routes: " + pattern + " (expected: registered before the server starts)");
            }
            Route route = new Route(pattern, access, handler);
            boolean taken = route.isPrefix()
                    ? prefixes.stream().anyMatch(r -> r.pattern().equals(pattern))
                    : exact.containsKey(pattern);
            if (taken) {
                throw new IllegalArgumentException("routes: " + pattern + " (expected: a path not registered yet)");
            }
            if (route.isPrefix()) {
                prefixes.add(route);
                prefixes.sort(Comparator.comparingInt((Route r) -> r.pattern().length())
                        .reversed());
            } else {
                exact.put(pattern, route);
            }
            return this;
        } finally {
            lock.unlock();
        }
    }

    /** The route serving {@code path}, or {@code null} when none does. */
    public @Nullable Route find(String path) {
        if (frozen) {
            return lookup(path);
        }
        lock.lock();
        try {
            return lookup(path);
        } finally {
            lock.unlock();
        }
    }

    private @Nullable Route lookup(String path) {
        Route route = exact.get(path);
        if (route != null) {
            return route;
        }
        for (Route prefix : prefixes) {
            if (path.startsWith(prefix.prefix())) {
                return prefix;
            }
        }
        return null;
    }

    /** Every route, exact ones first, in registration order. */
    public List<Route> routes() {
        lock.lock();
        try {
            List<Route> all = new ArrayList<>(exact.values());
            all.addAll(prefixes);
            return List.copyOf(all);
        } finally {
            lock.unlock();
        }
    }

    /** Every distinct handler, for the server to own their lifecycles. */
    List<Handler> handlers() {
        List<Handler> handlers = new ArrayList<>();
        for (Route r : routes()) {
            if (!handlers.contains(r.handler())) {
                handlers.add(r.handler());
            }
        }
        return handlers;
    }

    /** Stops registration; lookups never take the lock after this. */
    void freeze() {
        lock.lock();
        try {
            frozen = true;
        } finally {
            lock.unlock();
        }
    }

    private static void check(String pattern) {
        boolean prefix = pattern.endsWith("/*");
        String path = prefix ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (!path.startsWith("/") || path.indexOf('*') >= 0 || (!prefix && path.length() > 1 && path.endsWith("/"))) {
            throw new IllegalArgumentException("routes: " + pattern
                    + " (expected: an exact path such as /mcp, or a prefix such as /mcp/servers/*)");
        }
    }
}
