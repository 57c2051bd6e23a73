package dev.switchboard.server;

import dev.switchboard.mcp.demo.DemoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Configuration files for gateway tests: the demo server over stdio, in this JVM's class path. */
public final class TestConfigs {
    /** An API key with the admin role, user {@code alice}. */
    public static final String ADMIN_KEY = "admin-key-0123456789abcdef";
    /** An API key without roles, user {@code bob}. */
    public static final String USER_KEY = "user-key-0123456789abcdef";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TestConfigs() {}

    /** A configuration with no servers, listening on 127.0.0.1 port 0. */
    public static ObjectNode empty() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("mcpServers");
        root.putObject("gateway").put("listen", "127.0.0.1:0");
        return root;
    }

    /** {@code config} with a demo server named {@code name} over stdio (lazy: no process until used). */
    public static ObjectNode withDemo(ObjectNode config, String name) {
        ObjectNode server = ((ObjectNode) config.get("mcpServers")).putObject(name);
        server.put("command", ProcessHandle.current().info().command().orElse("java"));
        ArrayNode args = server.putArray("args");
        List.of(
                        "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        DemoServer.class.getName())
                .forEach(args::add);
        return config;
    }

    /** {@code config} with the two test API keys. */
    public static ObjectNode withApiKeys(ObjectNode config) {
        ArrayNode keys = ((ObjectNode) config.get("gateway")).putObject("auth").putArray("apiKeys");
        ObjectNode admin = keys.addObject().put("key", ADMIN_KEY).put("user", "alice");
        admin.putArray("roles").add("admin");
        keys.addObject().put("key", USER_KEY).put("user", "bob");
        return config;
    }

    /** Writes {@code config} to {@code file} as JSON, replacing it by a rename as editors do. */
    public static Path write(Path file, ObjectNode config) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".config-", ".tmp");
        Files.writeString(temp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
