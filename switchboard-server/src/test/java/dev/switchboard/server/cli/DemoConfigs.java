package dev.switchboard.server.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Configuration files for the commands that connect: the demo server over stdio, started with this
 * JVM's {@code java} and class path, and servers that cannot work.
 */
final class DemoConfigs {
    private final ObjectNode servers = JsonNodeFactory.instance.objectNode();

    /** Adds the demo server under {@code name}, with {@code callTimeout} (such as {@code 30s}). */
    DemoConfigs demo(String name, String callTimeout) {
        ObjectNode server = servers.putObject(name);
        server.put("command", ProcessHandle.current().info().command().orElse("java"));
        ArrayNode args = server.putArray("args");
        List.of(
                        "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.switchboard.mcp.demo.DemoServer")
                .forEach(args::add);
        ObjectNode timeouts = server.putObject("timeouts");
        timeouts.put("connect", "30s").put("initialize", "30s").put("call", callTimeout);
        return this;
    }

    /** Adds a server whose command does not exist: it fails at process start, at once. */
    DemoConfigs missingCommand(String name) {
        servers.putObject(name).put("command", "/nonexistent/switchboard-test-server");
        return this;
    }

    /** Adds a remote server at {@code url} over Streamable HTTP. */
    DemoConfigs remote(String name, URI url) {
        servers.putObject(name).put("url", url.toString());
        return this;
    }

    /** Adds a disabled remote server. */
    DemoConfigs disabled(String name) {
        servers.putObject(name).put("url", "http://127.0.0.1:9/mcp").put("enabled", false);
        return this;
    }

    /** Writes the configuration to {@code dir/switchboard.json}. */
    Path write(Path dir) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("mcpServers", servers);
        return Files.writeString(
                dir.resolve("switchboard.json"), JsonMapper.shared().writeValueAsString(root));
    }
}
