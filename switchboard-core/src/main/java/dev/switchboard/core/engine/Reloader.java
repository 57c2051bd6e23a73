package dev.switchboard.core.engine;

import dev.switchboard.core.ReloadResult;
import dev.switchboard.core.catalog.CatalogSettings;
import dev.switchboard.core.catalog.LiveCatalog;
import dev.switchboard.core.config.ConfigError;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.core.resilience.ResilienceRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies configurations, one at a time: diff against the one in effect, build endpoints for added
 * and updated servers, keep unchanged endpoints as they are, swap the snapshot, then retire the
 * endpoints of removed and updated servers in the background. A configuration that breaks a rule
 * changes nothing. Readers of the snapshot never take the lock.
 */
final class Reloader {
    private static final Logger log = LoggerFactory.getLogger(Reloader.class);

    private final AtomicReference<EngineSnapshot> snapshot;
    private final EndpointFactory factory;
    private final ResilienceRegistry resilience;
    private final Retirements retirements;
    private final EngineMeters meters;
    private final Executor executor;
    private final LiveCatalog catalog;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    Reloader(
            AtomicReference<EngineSnapshot> snapshot,
            EndpointFactory factory,
            ResilienceRegistry resilience,
            Retirements retirements,
            EngineMeters meters,
            Executor executor,
            LiveCatalog catalog) {
        this.snapshot = snapshot;
        this.factory = factory;
        this.resilience = resilience;
        this.retirements = retirements;
        this.meters = meters;
        this.executor = executor;
        this.catalog = catalog;
    }

    /**
     * Applies {@code next}.
     *
     * @throws IllegalStateException when the engine is closed
     */
    ReloadResult apply(GatewayConfig next) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("switchboard: closed (expected: open to apply a configuration)");
            }
            List<ConfigError> errors = EngineRules.check(next);
            if (!errors.isEmpty()) {
                return rejected(errors);
            }
            return swap(snapshot.get(), next);
        } finally {
            lock.unlock();
        }
    }

    /** Adds {@code server} to the configuration in effect. */
    ReloadResult register(ServerConfig server) {
        lock.lock();
        try {
            GatewayConfig current = snapshot.get().config();
            if (current.servers().containsKey(server.name())) {
                return rejected(List.of(new ConfigError(
                        "mcpServers." + server.name(),
                        "\"" + server.name() + "\" (expected: a name not already used; unregister it first)",
                        0,
                        0)));
            }
            List<ServerConfig> servers = new ArrayList<>(current.servers().values());
            servers.add(server);
            return apply(GatewayConfig.of(current.gateway(), servers));
        } finally {
            lock.unlock();
        }
    }

    /** Removes the server named {@code name} from the configuration in effect. */
    ReloadResult unregister(String name) {
        lock.lock();
        try {
            GatewayConfig current = snapshot.get().config();
            if (!current.servers().containsKey(name)) {
                return rejected(List.of(new ConfigError(
                        "mcpServers." + name, "\"" + name + "\" (expected: the name of a registered server)", 0, 0)));
            }
            List<ServerConfig> servers = current.servers().values().stream()
                    .filter(s -> !s.name().equals(name))
                    .toList();
            return apply(GatewayConfig.of(current.gateway(), servers));
        } finally {
            lock.unlock();
        }
    }

    /** Rejects every later reload and empties the snapshot; returns the last one. */
    EngineSnapshot close() {
        lock.lock();
        try {
            closed = true;
            EngineSnapshot last = snapshot.get();
            snapshot.set(EngineSnapshot.empty(last.config().gateway()));
            return last;
        } finally {
            lock.unlock();
        }
    }

    private ReloadResult swap(EngineSnapshot current, GatewayConfig next) {
        ConfigDiff diff = ConfigDiff.of(current.config(), next);
        Map<String, ServerEndpoint> built = new LinkedHashMap<>();
        try {
            for (ServerConfig server : next.servers().values()) {
                if (diff.added().contains(server.name()) || diff.updated().contains(server.name())) {
                    built.put(server.name(), factory.build(server));
                }
            }
        } catch (RuntimeException e) {
            built.values()
                    .forEach(endpoint -> endpoint.close(factory.supervision().closeTimeout()));
            diff.added().forEach(resilience::remove);
            return rejected(List.of(new ConfigError(ConfigError.ROOT, String.valueOf(e.getMessage()), 0, 0)));
        }
        Map<String, ServerEndpoint> endpoints = new LinkedHashMap<>();
        for (String name : next.servers().keySet()) {
            ServerEndpoint endpoint = built.get(name);
            endpoints.put(
                    name, endpoint != null ? endpoint : current.endpoints().get(name));
        }
        Policy policy = current.policy().config().equals(next.gateway().policy())
                ? current.policy()
                : Policy.of(next.gateway().policy());
        snapshot.set(new EngineSnapshot(next, endpoints, policy));
        recatalog(current, next, diff, built);
        afterSwap(current, diff, built);
        meters.reloaded(true);
        // The caller reports the result (the gateway logs one line per reload): DEBUG only here.
        log.debug("configuration applied: {}", diff);
        return new ReloadResult(
                true, List.of(), diff.added(), diff.removed(), diff.updated(), diff.unchanged(), diff.gatewayChanges());
    }

    /**
     * Brings the catalog in line with the new snapshot: the old endpoints of removed and updated
     * servers stop writing to it, removed servers leave it and the rest are named anew, the stale
     * entries of updated servers go, and the new endpoints start writing to it.
     */
    private void recatalog(
            EngineSnapshot previous, GatewayConfig next, ConfigDiff diff, Map<String, ServerEndpoint> built) {
        previous.endpoints().forEach((name, old) -> {
            if (diff.removed().contains(name) || diff.updated().contains(name)) {
                old.discovery().retire();
            }
        });
        catalog.updateSettings(CatalogSettings.from(next));
        diff.updated().forEach(catalog::remove);
        built.values().forEach(endpoint -> endpoint.discovery().arm());
    }

    private void afterSwap(EngineSnapshot previous, ConfigDiff diff, Map<String, ServerEndpoint> built) {
        previous.endpoints().forEach((name, old) -> {
            if (diff.removed().contains(name)) {
                resilience.remove(name);
                retirements.retire(old, "removed");
            } else if (diff.updated().contains(name)) {
                ServerEndpoint replacement = built.get(name);
                if (replacement != null && wasConnected(old)) {
                    connectSoon(replacement);
                }
                retirements.retire(old, "reconfigured");
            }
        });
    }

    /** Whether the old endpoint was in use: then its replacement connects at once, not at first use. */
    private static boolean wasConnected(ServerEndpoint old) {
        ServerState state = old.supervisor().status().state();
        return state == ServerState.READY || state == ServerState.DEGRADED || state == ServerState.CONNECTING;
    }

    private void connectSoon(ServerEndpoint endpoint) {
        if (!endpoint.config().settings().enabled()) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    endpoint.supervisor().client();
                } catch (RuntimeException e) {
                    // the supervisor records the failure in the server's status
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("server {}: the engine is shut down; not connecting", endpoint.name());
        }
    }

    /**
     * Rejects a configuration and changes nothing. The problems go back to the caller, who reports
     * them; they are logged here at DEBUG only, so that a gateway's reload is logged once.
     */
    ReloadResult rejected(List<ConfigError> errors) {
        if (log.isDebugEnabled()) {
            errors.forEach(error -> log.debug("configuration rejected, nothing changed: {}", error));
        }
        meters.reloaded(false);
        return ReloadResult.rejected(errors);
    }
}
