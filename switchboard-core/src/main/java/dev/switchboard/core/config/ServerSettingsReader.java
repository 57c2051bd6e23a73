package dev.switchboard.core.config;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads what every server has, whatever its transport: the keys in {@link #KEYS}. */
final class ServerSettingsReader {
    static final List<String> KEYS =
            List.of("enabled", "eager", "timeouts", "sessionMode", "pool", "breaker", "bulkhead", "tools", "prefix");
    static final List<String> TIMEOUT_KEYS = List.of("connect", "initialize", "call");
    static final List<String> POOL_KEYS =
            List.of("maxPerKey", "ttl", "idleEviction", "acquireTimeout", "createTimeout");
    static final List<String> BREAKER_KEYS =
            List.of("failureRateThreshold", "minimumCalls", "openDuration", "halfOpenCalls");
    static final List<String> BULKHEAD_KEYS = List.of("maxConcurrentCalls");
    static final List<String> TOOLS_KEYS = List.of("allow", "deny");

    private static final int MAX_COUNT = 100_000;

    private ServerSettingsReader() {}

    /** The settings among the server's members, defaults for those missing. */
    static ServerSettings read(ObjectFields server) {
        ServerSettings defaults = ServerSettings.DEFAULTS;
        return new ServerSettings(
                server.bool("enabled", defaults.enabled()),
                server.bool("eager", defaults.eager()),
                timeouts(server.object("timeouts", TIMEOUT_KEYS)),
                server.choice(
                        "sessionMode",
                        defaults.sessionMode(),
                        Arrays.asList(SessionMode.values()),
                        SessionMode::configName),
                pool(server.object("pool", POOL_KEYS)),
                breaker(server.object("breaker", BREAKER_KEYS)),
                bulkhead(server.object("bulkhead", BULKHEAD_KEYS)),
                tools(server.object("tools", TOOLS_KEYS)),
                server.bool("prefix", defaults.prefix()));
    }

    private static Timeouts timeouts(@Nullable ObjectFields fields) {
        Timeouts defaults = Timeouts.DEFAULTS;
        if (fields == null) {
            return defaults;
        }
        fields.reportUnknownKeys();
        return new Timeouts(
                fields.duration("connect", defaults.connect()),
                fields.duration("initialize", defaults.initialize()),
                fields.duration("call", defaults.call()));
    }

    private static PoolSettings pool(@Nullable ObjectFields fields) {
        PoolSettings defaults = PoolSettings.DEFAULTS;
        if (fields == null) {
            return defaults;
        }
        fields.reportUnknownKeys();
        return new PoolSettings(
                fields.integer("maxPerKey", defaults.maxPerKey(), 1, MAX_COUNT),
                fields.duration("ttl", defaults.ttl()),
                fields.duration("idleEviction", defaults.idleEviction()),
                fields.duration("acquireTimeout", defaults.acquireTimeout()),
                fields.duration("createTimeout", defaults.createTimeout()));
    }

    private static BreakerSettings breaker(@Nullable ObjectFields fields) {
        BreakerSettings defaults = BreakerSettings.DEFAULTS;
        if (fields == null) {
            return defaults;
        }
        fields.reportUnknownKeys();
        return new BreakerSettings(
                fields.integer("failureRateThreshold", defaults.failureRateThreshold(), 1, 100),
                fields.integer("minimumCalls", defaults.minimumCalls(), 1, MAX_COUNT),
                fields.duration("openDuration", defaults.openDuration()),
                fields.integer("halfOpenCalls", defaults.halfOpenCalls(), 1, MAX_COUNT));
    }

    private static BulkheadSettings bulkhead(@Nullable ObjectFields fields) {
        if (fields == null) {
            return BulkheadSettings.DEFAULTS;
        }
        fields.reportUnknownKeys();
        return new BulkheadSettings(
                fields.integer("maxConcurrentCalls", BulkheadSettings.DEFAULTS.maxConcurrentCalls(), 1, MAX_COUNT));
    }

    private static ToolFilter tools(@Nullable ObjectFields fields) {
        if (fields == null) {
            return ToolFilter.ALL;
        }
        fields.reportUnknownKeys();
        return new ToolFilter(
                fields.strings("allow", ToolFilter.ALL.allow(), true),
                fields.strings("deny", ToolFilter.ALL.deny(), true));
    }
}
