package dev.switchboard.server.admin;

import dev.switchboard.core.ReloadResult;
import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.ToolInfo;
import dev.switchboard.core.config.ConfigError;
import dev.switchboard.core.lifecycle.ServerHealth;
import dev.switchboard.core.lifecycle.ServerStatus;
import dev.switchboard.core.pool.PoolStats;
import dev.switchboard.core.resilience.BreakerStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes of the admin API: field names in camelCase, enum values in lower case ({@code
 * ready}, {@code half_open}), instants as ISO-8601 text, absent values as {@code null}. Never
 * writes a credential: statuses and errors carry no header or environment value.
 */
final class AdminJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdminJson() {}

    static ObjectNode object() {
        return JSON.objectNode();
    }

    static ArrayNode array() {
        return JSON.arrayNode();
    }

    /** The summary of one server, as a row of {@code GET /api/servers}. */
    static ObjectNode server(ServerInfo info) {
        ObjectNode node = JSON.objectNode();
        node.put("name", info.name());
        node.put("transport", info.transport());
        node.put("sessionMode", info.sessionMode().configName());
        node.put("state", lower(info.state()));
        node.put("errorPhase", info.errorPhase() == null ? null : lower(info.errorPhase()));
        node.put("lastError", info.lastError());
        if (info.toolCount() == null) {
            node.putNull("toolCount");
        } else {
            node.put("toolCount", info.toolCount().intValue());
        }
        return node;
    }

    /** The summary and every detail of the server's status, for {@code GET /api/servers/{name}}. */
    static ObjectNode serverDetail(ServerInfo info) {
        ObjectNode node = server(info);
        node.set("status", status(info.status()));
        return node;
    }

    static ObjectNode status(ServerStatus status) {
        ObjectNode node = JSON.objectNode();
        node.put("state", lower(status.state()));
        node.put("errorPhase", status.errorPhase() == null ? null : lower(status.errorPhase()));
        node.put("errorMessage", status.errorMessage());
        node.put("errorAt", instant(status.errorAt()));
        node.put("retryCount", status.retryCount());
        ArrayNode stderr = node.putArray("stderrTail");
        status.stderrTail().forEach(stderr::add);
        node.put("lastSuccess", instant(status.lastSuccess()));
        if (status.toolCount() == null) {
            node.putNull("toolCount");
        } else {
            node.put("toolCount", status.toolCount().intValue());
        }
        node.put("nextAttemptAt", instant(status.nextAttemptAt()));
        node.put("processes", status.processes());
        node.put("inFlight", status.inFlight());
        return node;
    }

    static ObjectNode tool(ToolInfo tool) {
        ObjectNode node = JSON.objectNode();
        node.put("name", tool.name());
        node.put("server", tool.server());
        node.put("tool", tool.tool());
        node.put("description", tool.description());
        node.set("inputSchema", tool.inputSchema().isMissingNode() ? JSON.nullNode() : tool.inputSchema());
        return node;
    }

    static ArrayNode tools(List<ToolInfo> tools) {
        ArrayNode array = JSON.arrayNode();
        tools.forEach(t -> array.add(tool(t)));
        return array;
    }

    static ObjectNode health(ServerHealth health) {
        ObjectNode node = JSON.objectNode();
        node.put("name", health.name());
        node.put("healthy", health.healthy());
        node.put("state", lower(health.status().state()));
        if (health.latency() == null) {
            node.putNull("latencyMs");
        } else {
            node.put("latencyMs", health.latency().toNanos() / 1_000_000.0);
        }
        node.put("error", health.error());
        if (health.status().toolCount() == null) {
            node.putNull("toolCount");
        } else {
            node.put("toolCount", health.status().toolCount().intValue());
        }
        return node;
    }

    static ObjectNode breaker(BreakerStatus b) {
        ObjectNode node = JSON.objectNode();
        node.put("server", b.server());
        node.put("state", lower(b.state()));
        node.put("failureRate", b.failureRate());
        node.put("bufferedCalls", b.bufferedCalls());
        node.put("failedCalls", b.failedCalls());
        node.put("notPermittedCalls", b.notPermittedCalls());
        node.put("halfOpenAt", instant(b.halfOpenAt()));
        node.put("callsInFlight", b.callsInFlight());
        node.put("maxConcurrentCalls", b.maxConcurrentCalls());
        return node;
    }

    static ObjectNode pool(PoolStats stats) {
        ObjectNode node = JSON.objectNode();
        node.put("hits", stats.hits());
        node.put("misses", stats.misses());
        node.put("hitRate", stats.hitRate());
        node.put("evictions", stats.evictions());
        node.put("healthCheckFailures", stats.healthCheckFailures());
        node.put("keysEvicted", stats.keysEvicted());
        node.put("sessionsReaped", stats.sessionsReaped());
        node.put("invalidations", stats.invalidations());
        node.put("acquireTimeouts", stats.acquireTimeouts());
        node.put("creationFailures", stats.creationFailures());
        ArrayNode keys = node.putArray("keys");
        for (PoolStats.KeyStats key : stats.keys()) {
            ObjectNode k = keys.addObject();
            // The identity as hashes only: never the principal or a credential.
            k.put("key", key.key().toString());
            k.put("transport", key.key().transport());
            k.put("available", key.available());
            k.put("active", key.active());
            k.put("max", key.max());
            k.put("waiters", key.waiters());
        }
        return node;
    }

    static ObjectNode reload(ReloadResult result) {
        ObjectNode node = JSON.objectNode();
        node.put("applied", result.applied());
        strings(node.putArray("added"), result.added());
        strings(node.putArray("removed"), result.removed());
        strings(node.putArray("updated"), result.updated());
        strings(node.putArray("unchanged"), result.unchanged());
        strings(node.putArray("gatewayChanges"), result.gatewayChanges());
        return node;
    }

    static ArrayNode configErrors(List<ConfigError> errors) {
        ArrayNode array = JSON.arrayNode();
        for (ConfigError e : errors) {
            ObjectNode node = array.addObject();
            node.put("path", e.path());
            node.put("message", e.message());
            if (e.hasLocation()) {
                node.put("line", e.line());
                node.put("column", e.column());
            }
        }
        return array;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String instant(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
