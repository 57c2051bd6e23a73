package dev.switchboard.core.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one validator of configurations, used by {@link ConfigLoader}, the command line's {@code
 * check}, hot reload and the admin API. It expands {@code ${VAR}} and {@code ${VAR:-default}} from
 * the environment it was given, checks every rule, and reports every problem at once, each with
 * its path and the expected form:
 *
 * <pre>
 * mcpServers.github.url: "ftp://x" (expected: an http or https URL)
 * mcpServers.github.comand: unknown key (did you mean "command"?)
 * </pre>
 *
 * <p>A valid document becomes a {@link ConfigSnapshot} with every default filled in. Immutable and
 * thread-safe.
 */
public final class ConfigValidator {
    static final List<String> ROOT_KEYS = List.of("$schema", "gateway", "mcpServers", "servers", "inputs");

    private static final String SOURCE_OF_TREES = "(tree)";

    private final EnvExpander environment;

    /** A validator that expands variables from this process's environment. */
    public ConfigValidator() {
        this(System.getenv());
    }

    /**
     * A validator that expands variables from {@code environment} (a copy is kept).
     *
     * @throws NullPointerException if the map or one of its names or values is null
     */
    public ConfigValidator(Map<String, String> environment) {
        this.environment = new EnvExpander(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Validates a document already parsed into a tree, such as a request body of the admin API.
     * Problems carry no line or column.
     */
    public ConfigResult validate(JsonNode document) {
        return validate(document, SOURCE_OF_TREES);
    }

    /** Validates a document already parsed into a tree; {@code source} names it in messages. */
    public ConfigResult validate(JsonNode document, String source) {
        return validate(ParsedDocument.ofTree(Objects.requireNonNull(document, "document")), source);
    }

    ConfigResult validate(ParsedDocument document, String source) {
        Problems problems = new Problems(document.positions(), document.replaced());
        document.problems().forEach(problems::add);
        ValueReader in = new ValueReader(problems, environment);
        ObjectFields root = in.object(
                document.root(),
                ConfigPath.ROOT,
                ROOT_KEYS,
                "an object with \"mcpServers\", \"servers\" or \"gateway\"");
        GatewayConfig config = root == null ? null : read(root, in);
        if (config != null && problems.count() == 0) {
            return new ConfigSnapshot(source, config);
        }
        return new ConfigErrors(source, problems.sorted());
    }

    private static GatewayConfig read(ObjectFields root, ValueReader in) {
        root.reportUnknownKeys();
        GatewayReader gateway = new GatewayReader(root.object("gateway", GatewayReader.KEYS), in);
        String separator = gateway.separator();
        Map<String, ServerConfig> servers = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        ServerReader reader = new ServerReader(in, separator);
        readServers(root, "mcpServers", reader, names, servers);
        readServers(root, "servers", reader, names, servers);
        return new GatewayConfig(gateway.read(separator, names), servers);
    }

    /** Reads the servers of one map into {@code servers}, noting every name, even a broken one's. */
    private static void readServers(
            ObjectFields root, String key, ServerReader reader, Set<String> names, Map<String, ServerConfig> servers) {
        JsonNode map = root.get(key);
        if (map == null) {
            return;
        }
        if (!map.isObject()) {
            root.reader().problems().invalid(root.path(key), map, false, "an object of servers by name");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            String name = entry.getKey();
            ConfigPath path = root.path(key).key(name);
            if (!names.add(name)) {
                root.reader()
                        .problems()
                        .invalid(path, ConfigPath.quoted(name), "a name not already used in \"mcpServers\"");
                continue;
            }
            @Nullable ServerConfig server = reader.read(name, entry.getValue(), path);
            if (server != null) {
                servers.put(name, server);
            }
        }
    }
}
