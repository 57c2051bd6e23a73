package dev.switchboard.core.lifecycle;

import dev.switchboard.core.config.BreakerSettings;
import dev.switchboard.core.config.BulkheadSettings;
import dev.switchboard.core.config.PoolSettings;
import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.RemoteTransport;
import dev.switchboard.core.config.ServerSettings;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.config.StdioServerConfig;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.core.config.ToolFilter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Server configurations and small values the lifecycle tests share. */
final class TestServers {
    /** Short timeouts: 2 s to connect, 2 s to initialize, 5 s a call. */
    static final Timeouts FAST = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** Jitter that always draws the top of the range, so that delays are predictable. */
    static final RandomGenerator HIGHEST = () -> -1L;

    private TestServers() {}

    static ServerSettings settings(boolean enabled, boolean eager, Timeouts timeouts) {
        return new ServerSettings(
                enabled,
                eager,
                timeouts,
                SessionMode.SHARED,
                PoolSettings.DEFAULTS,
                BreakerSettings.DEFAULTS,
                BulkheadSettings.DEFAULTS,
                ToolFilter.ALL,
                true);
    }

    static StdioServerConfig stdio(String name, boolean eager, Timeouts timeouts, List<String> commandLine) {
        return new StdioServerConfig(
                name,
                commandLine.getFirst(),
                commandLine.subList(1, commandLine.size()),
                Map.of(),
                null,
                false,
                settings(true, eager, timeouts));
    }

    static StdioServerConfig lazy(String name) {
        return stdio(name, false, FAST, List.of("unused-by-fakes"));
    }

    static StdioServerConfig eager(String name) {
        return stdio(name, true, FAST, List.of("unused-by-fakes"));
    }

    static RemoteServerConfig remote(String name, URI url, RemoteTransport transport, boolean eager) {
        return new RemoteServerConfig(name, url, transport, Map.of(), settings(true, eager, FAST));
    }

    /** {@code sh -c script}. */
    static List<String> shell(String script) {
        return List.of("sh", "-c", script);
    }

    /** This JVM's java running {@code mainClass} on this JVM's class path. */
    static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    static ObjectNode echoArgs(String message) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.put("message", message);
        return args;
    }

    static ObjectNode slowArgs(long ms) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.put("ms", ms);
        return args;
    }

    /** The text of a tool result's first content item. */
    static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString("");
    }
}
