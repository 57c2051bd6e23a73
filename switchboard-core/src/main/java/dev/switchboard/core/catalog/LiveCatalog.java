package dev.switchboard.core.catalog;

import dev.switchboard.mcp.client.McpClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's current {@link Catalog}, changed as servers connect, disconnect and announce
 * {@code list_changed}, with listeners told what changed.
 *
 * <p>Thread-safe. Readers ({@link #current()}) never wait: they read one volatile reference to an
 * immutable snapshot. Writers take turns on a lock held only while a snapshot is rebuilt (no I/O
 * under it), so concurrent changes of different servers never lose one another. {@link #refresh}
 * lists outside the lock and applies its result only where no newer listing of the same server and
 * kind was applied meanwhile, and never to a server removed meanwhile.
 */
public final class LiveCatalog {
    private static final Logger log = LoggerFactory.getLogger(LiveCatalog.class);

    private final ReentrantLock writes = new ReentrantLock();
    private final AtomicLong tickets = new AtomicLong();
    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
    private final Executor notifier;
    private final int pageCap;
    private volatile Catalog current;
    // Guarded by writes: for each server and kind, the ticket of the listing applied last.
    private final Map<String, Map<Kind, Long>> applied = new HashMap<>();

    /**
     * An empty live catalog that lists at most {@link McpClient#DEFAULT_PAGE_CAP} pages per kind and
     * tells listeners on the thread that made the change.
     */
    public LiveCatalog(CatalogSettings settings) {
        this(settings, McpClient.DEFAULT_PAGE_CAP, Runnable::run);
    }

    /**
     * An empty live catalog.
     *
     * @param pageCap the most pages {@link #refresh} reads per kind; at least 1
     * @param listenerExecutor runs the listeners ({@code Runnable::run}: on the changing thread)
     * @throws IllegalArgumentException when {@code pageCap} is below 1
     */
    public LiveCatalog(CatalogSettings settings, int pageCap, Executor listenerExecutor) {
        ServerCatalog.checkPageCap(pageCap);
        this.current = Catalog.empty(Objects.requireNonNull(settings, "settings"));
        this.pageCap = pageCap;
        this.notifier = Objects.requireNonNull(listenerExecutor, "listenerExecutor");
    }

    /** The current snapshot. Never blocks. */
    public Catalog current() {
        return current;
    }

    /** Tells {@code listener} about every later change. */
    public void addListener(CatalogListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener}; nothing when it was not added. */
    public void removeListener(CatalogListener listener) {
        listeners.remove(listener);
    }

    /**
     * Adds or replaces a server's catalog (after it connected, or reconnected).
     *
     * @throws IllegalArgumentException when the server is not in the settings
     */
    public void put(ServerCatalog server) {
        Objects.requireNonNull(server, "server");
        long ticket = tickets.incrementAndGet();
        change(catalog -> {
            Catalog next = catalog.withServer(server);
            Map<Kind, Long> stamps = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                stamps.put(kind, ticket);
            }
            applied.put(server.server(), stamps);
            return next;
        });
    }

    /** Removes a server's catalog (it disconnected or was removed); false when it was not here. */
    public boolean remove(String server) {
        Objects.requireNonNull(server, "server");
        boolean[] removed = {false};
        change(catalog -> {
            applied.remove(server);
            Catalog next = catalog.withoutServer(server);
            removed[0] = next != catalog;
            return next;
        });
        return removed[0];
    }

    /**
     * Replaces the settings (a reload): servers no longer in them are dropped, the others renamed
     * and filtered anew.
     */
    public void updateSettings(CatalogSettings settings) {
        Objects.requireNonNull(settings, "settings");
        change(catalog -> {
            applied.keySet().removeIf(server -> !settings.contains(server));
            return catalog.withSettings(settings);
        });
    }

    /**
     * Lists {@code kinds} of {@code server} again from {@code client} and applies the result, as
     * after a {@code list_changed} notification ({@link Kind#forNotification} gives the kinds). A
     * failed listing keeps the items listed before and is recorded in {@link
     * ServerCatalog#failures()} (also for tools); nothing is thrown for it. Blocks while listing:
     * call it on a thread that may block, never on a transport thread.
     *
     * @param kinds what to list; none means every kind
     * @return the server's catalog after the refresh, or empty when the server is not in the catalog
     *     (never added, or removed while listing), in which case nothing is applied
     */
    public Optional<ServerCatalog> refresh(String server, McpClient client, Kind... kinds) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(client, "client");
        if (current.server(server).isEmpty()) {
            return Optional.empty();
        }
        Set<Kind> wanted = kinds.length == 0 ? EnumSet.allOf(Kind.class) : EnumSet.copyOf(List.of(kinds));
        long ticket = tickets.incrementAndGet();
        Lister lister = new Lister(client, null);
        List<ServerCatalog.Fetched> results = new ArrayList<>(wanted.size());
        for (Kind kind : wanted) {
            results.add(ServerCatalog.fetchKind(server, client, lister, kind, pageCap));
        }
        AtomicReference<@Nullable ServerCatalog> after = new AtomicReference<>();
        change(catalog -> {
            Optional<ServerCatalog> before = catalog.server(server);
            if (before.isEmpty()) {
                return catalog;
            }
            Map<Kind, Long> stamps = applied.computeIfAbsent(server, s -> new EnumMap<>(Kind.class));
            ServerCatalog updated = before.get();
            for (ServerCatalog.Fetched result : results) {
                if (stamps.getOrDefault(result.kind(), 0L) < ticket) {
                    updated = updated.apply(result);
                    stamps.put(result.kind(), ticket);
                }
            }
            after.set(updated);
            return updated == before.get() ? catalog : catalog.withServer(updated);
        });
        return Optional.ofNullable(after.get());
    }

    /** A rebuild of the snapshot, run under the write lock; may read and write {@link #applied}. */
    @FunctionalInterface
    private interface Rebuild {
        Catalog apply(Catalog catalog);
    }

    private void change(Rebuild rebuild) {
        Catalog before;
        Catalog after;
        // Held only while a snapshot is rebuilt in memory (well under a millisecond): no I/O, no
        // listener runs under it, so the wait is bounded by that.
        writes.lock();
        try {
            before = current;
            after = rebuild.apply(before);
            current = after;
        } finally {
            writes.unlock();
        }
        if (after != before && !listeners.isEmpty()) {
            CatalogChange change = CatalogChange.between(before, after);
            if (!change.isEmpty()) {
                tell(change);
            }
        }
    }

    private void tell(CatalogChange change) {
        try {
            notifier.execute(() -> {
                for (CatalogListener listener : listeners) {
                    try {
                        listener.onChange(change);
                    } catch (RuntimeException e) {
                        log.warn("catalog listener {} failed on a change of {}", listener, change.changed(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("catalog listeners not told of a change of {}: their executor refused", change.changed(), e);
        }
    }

    @Override
    public String toString() {
        return "LiveCatalog[" + current + "]";
    }
}
