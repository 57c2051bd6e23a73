package dev.switchboard.server.cli;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.ToolInfo;
import dev.switchboard.core.config.ConfigSnapshot;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.lifecycle.ServerState;
import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code switchboard tools --config FILE [--server NAME] [--json]}: connects to every enabled server
 * at once (exposed names depend on all of them, since collisions are resolved across servers), or
 * with {@code --server} to that server only when every server prefixes its tool names (none sets
 * {@code prefix: false}, so no other server can take one of its names), and prints the tools the
 * gateway exposes: name, server and the first line of the description, or with {@code --json} a
 * JSON array of the tool definitions under their exposed names. A server whose tools could not be
 * listed gets a line on standard error; with {@code --server} naming it, the status is 1.
 */
@Command(
        name = "tools",
        mixinStandardHelpOptions = true,
        description = {
            "Connects to every enabled server (with --server, only that one unless a server sets",
            "prefix: false) and prints the tools the gateway exposes:",
            "exposed name, server and the first line of the description; --json prints the definitions.",
            "A server whose tools cannot be listed is reported on standard error."
        })
final class ToolsCommand extends ConfigCommand {
    @Option(
            names = {"-s", "--server"},
            paramLabel = "NAME",
            description = "Only the tools of this server.")
    @Nullable
    String server;

    @Option(
            names = "--json",
            description = "Print a JSON array of the tool definitions, named as the gateway exposes them.")
    boolean json;

    @Override
    public Integer call() {
        logging.apply();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigSnapshot snapshot = loadConfig(err);
        if (snapshot == null) {
            return 1;
        }
        String only = server;
        if (only != null && !ServerChoice.check(snapshot.config(), only, "tools", err)) {
            return 1;
        }
        Switchboard switchboard = GatewayStart.start(snapshot.config(), parent.environment(), err);
        if (switchboard == null) {
            return 1;
        }
        try (switchboard) {
            List<ServerInfo> servers = connect(switchboard, snapshot.config(), only);
            if (!reportUnlisted(servers, only, err)) {
                return 1;
            }
            List<ToolInfo> tools = switchboard.tools().stream()
                    .filter(t -> only == null || t.server().equals(only))
                    .toList();
            if (json) {
                out.println(PrettyJson.write(definitions(tools)));
                out.flush();
            } else {
                table(tools).print(out);
            }
            return 0;
        }
    }

    /**
     * Connects the servers whose names are needed: only {@code only} when it is given and every
     * server prefixes its tool names (so that no other server's tool can take one of its names),
     * else every enabled server.
     */
    private static List<ServerInfo> connect(Switchboard switchboard, GatewayConfig config, @Nullable String only) {
        ServerConfig target = only == null ? null : config.servers().get(only);
        boolean allPrefixed = config.servers().values().stream()
                .allMatch(s -> !s.settings().enabled() || s.settings().prefix());
        if (target == null || !allPrefixed) {
            return switchboard.connectAll(
                    GatewayStart.connectBudget(config.servers().values()));
        }
        return List.of(switchboard.connect(target.name(), GatewayStart.connectBudget(List.of(target))));
    }

    /**
     * Prints a line for each enabled server (or only {@code only}) whose tools are not listed.
     *
     * @return false when {@code only} names such a server: there is nothing to print
     */
    private static boolean reportUnlisted(List<ServerInfo> servers, @Nullable String only, PrintWriter err) {
        boolean listed = true;
        for (ServerInfo info : servers) {
            boolean wanted = only == null || info.name().equals(only);
            if (wanted && info.state() != ServerState.DISABLED && info.toolCount() == null) {
                err.println("tools: server " + info.name() + " is not ready (" + Names.state(info.state())
                        + ServerChoice.lastError(info) + "); its tools are not listed");
                listed = only == null;
            }
        }
        err.flush();
        return listed;
    }

    static TextTable table(List<ToolInfo> tools) {
        TextTable table = new TextTable().row("NAME", "SERVER", "DESCRIPTION");
        for (ToolInfo tool : tools) {
            table.row(tool.name(), tool.server(), Names.firstLine(tool.description()));
        }
        return table;
    }

    /** The definitions as the gateway exposes them: each under its exposed name. */
    static ArrayNode definitions(List<ToolInfo> tools) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ToolInfo tool : tools) {
            JsonNode definition = tool.definition().deepCopy();
            if (definition instanceof ObjectNode object) {
                object.put("name", tool.name());
            }
            array.add(definition);
        }
        return array;
    }
}
