package dev.switchboard.core.engine;

import dev.switchboard.core.config.BreakerSettings;
import dev.switchboard.core.config.BulkheadSettings;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.config.PoolSettings;
import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.RemoteTransport;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.core.config.ToolFilter;
import dev.switchboard.core.lifecycle.SupervisionSettings;
import dev.switchboard.mcp.demo.DemoServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Server configurations and values the engine's tests share. */
final class Fixtures {
    /** 10 s to connect and to initialize (JVMs start slowly on a busy machine), 10 s a call. */
    static final Timeouts TIMEOUTS =
            new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));

    /** Quick backoff and short drains, so that tests of failures and reloads stay short. */
    static final SupervisionSettings SUPERVISION = SupervisionSettings.DEFAULTS
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
            .withStopTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(15));

    private Fixtures() {}

    static ServerSettings settings(SessionMode mode) {
        return settings(mode, PoolSettings.DEFAULTS, BreakerSettings.DEFAULTS, TIMEOUTS);
    }

    static ServerSettings settings(SessionMode mode, PoolSettings pool, BreakerSettings breaker, Timeouts timeouts) {
        return new ServerSettings(
                true, false, timeouts, mode, pool, breaker, BulkheadSettings.DEFAULTS, ToolFilter.ALL, true);
    }

    /** The probe server over stdio, as a separate JVM. */
    static StdioServerConfig probe(String name, SessionMode mode) {
        return stdio(name, java(ProbeServer.class.getName()), settings(mode));
    }

    /** The demo server over stdio, as a separate JVM. */
    static StdioServerConfig demo(String name) {
        return stdio(name, java(DemoServer.class.getName()), settings(SessionMode.SHARED));
    }

    static StdioServerConfig stdio(String name, List<String> commandLine, ServerSettings settings) {
        return new StdioServerConfig(
                name,
                commandLine.getFirst(),
                commandLine.subList(1, commandLine.size()),
                Map.of(),
                null,
                false,
                settings);
    }

    static RemoteServerConfig http(String name, URI url, ServerSettings settings) {
        return new RemoteServerConfig(name, url, RemoteTransport.HTTP, Map.of(), settings);
    }

    static GatewayConfig config(ServerConfig... servers) {
        return GatewayConfig.of(GatewaySettings.DEFAULTS, List.of(servers));
    }

    /** This JVM's java running {@code mainClass} on this JVM's class path, tuned to start fast. */
    static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    static ObjectNode args(String key, Object value) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        if (value instanceof Number n) {
            args.put(key, n.longValue());
        } else {
            args.put(key, String.valueOf(value));
        }
        return args;
    }

    /** The text of a tool result's first content item. */
    static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString("");
    }

    /** The process id in a probe's {@code whoami} answer ({@code PID/SESSION}). */
    static long pid(String whoami) {
        return Long.parseLong(whoami.substring(0, whoami.indexOf('/')));
    }
}
