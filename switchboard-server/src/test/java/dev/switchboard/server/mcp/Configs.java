package dev.switchboard.server.mcp;

import dev.switchboard.mcp.demo.DemoServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.node.JsonNodeFactory;

/** YAML server entries for tests. */
final class Configs {
    private Configs() {}

    /** The demo server over stdio, as a separate JVM, with extra settings such as {@code sessionMode: per-session}. */
    static String demoStdio(String name, String... settings) {
        return entry(
                name,
                "command: " + quoted(javaCommand().getFirst()) + "\n    args: "
                        + list(javaCommand().subList(1, javaCommand().size())),
                settings);
    }

    /** The reference server-everything over stdio, from {@code interop/node_modules}. */
    static String everything(String name, String... settings) {
        Path script = interopDir().resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
        if (!Files.exists(script)) {
            throw new IllegalStateException(script + " is missing: run `npm ci` in " + interopDir());
        }
        return entry(name, "command: \"node\"\n    args: " + list(List.of(script.toString(), "stdio")), settings);
    }

    /** The project's {@code interop/} folder, from the build's system property or by walking up. */
    static Path interopDir() {
        String configured = System.getProperty("switchboard.interop.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, "package.json"))) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("interop/package.json"))) {
                return p.resolve("interop");
            }
        }
        throw new IllegalStateException(
                "interop/package.json not found above " + Path.of("").toAbsolutePath());
    }

    /** A remote server over Streamable HTTP. */
    static String http(String name, URI url, String... settings) {
        return entry(name, "url: " + quoted(url.toString()), settings);
    }

    /** A stdio server whose process exits at once: it never connects. */
    static String broken(String name) {
        return entry(
                name, "command: \"sh\"\n    args: [\"-c\", \"echo broken on purpose >&2; exit 3\"]", "eager: true");
    }

    /** The users {@link #withAuth} gives API keys. */
    static final List<String> USERS = List.of("tester", "restricted", "outsider");

    /**
     * A whole file: the servers, then {@code gateway} lines (settings indented by two spaces under
     * {@code gateway:}, such as {@code "  policy:\n    default: deny\n"}; may be empty).
     */
    static String file(String gateway, String... servers) {
        return "mcpServers:\n" + String.join("", servers) + "gateway:\n  listen: \"127.0.0.1:0\"\n" + gateway;
    }

    /** {@code gateway} lines with an API key for each of {@link #USERS} added. */
    static String withAuth(String gateway) {
        StringBuilder yaml = new StringBuilder("  auth:\n    apiKeys:\n");
        for (String user : USERS) {
            yaml.append("      - {key: \"")
                    .append(key(user))
                    .append("\", user: ")
                    .append(user)
                    .append("}\n");
        }
        return yaml + gateway;
    }

    /** The API key of {@code user}. */
    static String key(String user) {
        return user + "-key-0123456789abcdef";
    }

    private static String entry(String name, String transport, String... settings) {
        StringBuilder yaml = new StringBuilder("  " + name + ":\n    " + transport + "\n");
        if (java.util.Arrays.stream(settings).noneMatch(s -> s.startsWith("timeouts:"))) {
            yaml.append("    timeouts: {connect: 20s, initialize: 20s, call: 20s}\n");
        }
        for (String setting : settings) {
            yaml.append("    ").append(setting).append('\n');
        }
        return yaml.toString();
    }

    /** This JVM's java running the demo server on this JVM's class path, tuned to start fast. */
    static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DemoServer.class.getName());
        return command;
    }

    private static String quoted(String text) {
        return JsonNodeFactory.instance.stringNode(text).toString();
    }

    private static String list(List<String> items) {
        return items.stream().map(Configs::quoted).collect(Collectors.joining(", ", "[", "]"));
    }
}
