package dev.switchboard.server.cli;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.ToolInfo;
import dev.switchboard.core.catalog.AmbiguousToolException;
import dev.switchboard.core.config.ConfigSnapshot;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.lifecycle.ServerState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code switchboard call --config FILE SERVER TOOL --args JSON}: connects to that one server, calls
 * the tool (its own name on the server) and prints the result, pretty, on standard output. With one
 * name instead, {@code switchboard call --config FILE NAME}, the tool is routed as the gateway
 * routes it: an exposed name such as {@code demo__echo}, or a bare tool name that exactly one
 * server offers (every server is connected to find out). Status 1 with one line on standard error
 * for an invalid configuration, an unknown or disabled server, an unknown tool, a bare name that
 * several servers offer ({@code ambiguous: echo matches a__echo, b__echo ...}), arguments that are
 * not a JSON object, a server that cannot be reached, an error answer or a timeout; for a tool that
 * reports its own failure ({@code isError: true}) the result is printed too.
 */
@Command(
        name = "call",
        mixinStandardHelpOptions = true,
        description = {
            "Calls a tool on one server and prints the result as JSON; with one NAME instead of",
            "SERVER TOOL, routes it as the gateway does (demo__echo, or a bare name one server has).",
            "Exit 1 with one line on standard error when the call fails; a result with",
            "isError: true is printed, and exits 1 too."
        })
final class CallCommand extends ConfigCommand {
    @Parameters(
            index = "0",
            paramLabel = "SERVER",
            description = "The server's name in the configuration; given alone, the tool's exposed name"
                    + " (demo__echo) or a bare tool name that only one server offers.")
    String server = "";

    @Parameters(index = "1", arity = "0..1", paramLabel = "TOOL", description = "The tool's own name on that server.")
    @Nullable
    String tool;

    @Option(
            names = {"-a", "--args"},
            paramLabel = "JSON",
            defaultValue = "{}",
            description = "The arguments, a JSON object (default: ${DEFAULT-VALUE}).")
    String args = "{}";

    @Override
    public Integer call() {
        logging.apply();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode arguments = ToolArguments.parse(args, err);
        if (arguments == null) {
            return 1;
        }
        ConfigSnapshot snapshot = loadConfig(err);
        if (snapshot == null) {
            return 1;
        }
        String own = tool;
        if (own == null) {
            return callRouted(snapshot.config(), server, arguments, out, err);
        }
        if (!ServerChoice.check(snapshot.config(), server, "call", err)) {
            return 1;
        }
        ServerConfig target = Objects.requireNonNull(snapshot.config().servers().get(server));
        // only this server: the others are neither started nor waited for
        GatewayConfig alone = GatewayConfig.of(snapshot.config().gateway(), List.of(target));
        Switchboard switchboard = GatewayStart.start(alone, parent.environment(), err);
        if (switchboard == null) {
            return 1;
        }
        try (switchboard) {
            ServerInfo info = switchboard
                    .connectAll(GatewayStart.connectBudget(List.of(target)))
                    .getFirst();
            String problem = reachable(info, own, switchboard.tools());
            if (problem != null) {
                return fail(err, problem);
            }
            return call(switchboard, server, own, arguments, out, err);
        }
    }

    /** Routes {@code name} among the tools of every enabled server, then calls it. */
    private int callRouted(GatewayConfig gateway, String name, JsonNode arguments, PrintWriter out, PrintWriter err) {
        Switchboard switchboard = GatewayStart.start(gateway, parent.environment(), err);
        if (switchboard == null) {
            return 1;
        }
        try (switchboard) {
            ToolInfo routed;
            try {
                routed = switchboard.route(name).orElse(null);
            } catch (AmbiguousToolException e) {
                return fail(err, String.valueOf(e.getMessage()));
            }
            if (routed == null) {
                return fail(
                        err,
                        "tool: \"" + name + "\" (expected: an exposed name such as demo__echo, or a bare tool name"
                                + " that one server offers; list them with: switchboard tools --config " + config.file
                                + ")");
            }
            return call(switchboard, routed.server(), routed.tool(), arguments, out, err);
        }
    }

    private static int call(
            Switchboard switchboard, String server, String tool, JsonNode arguments, PrintWriter out, PrintWriter err) {
        JsonNode result;
        try {
            result = switchboard.callTool(server, tool, arguments);
        } catch (RuntimeException e) {
            return fail(err, CallFailures.describe(server, tool, e));
        }
        out.println(PrettyJson.write(result));
        out.flush();
        if (result.path("isError").asBoolean(false)) {
            return fail(err, server + "/" + tool + ": the tool reported an error (isError: true; the result is above)");
        }
        return 0;
    }

    /** Why the call cannot be made, or {@code null} when the server is up and offers the tool. */
    private @Nullable String reachable(ServerInfo info, String own, List<ToolInfo> tools) {
        if (info.state() != ServerState.READY && info.state() != ServerState.DEGRADED) {
            return "server " + server + " is down (" + Names.state(info.state()) + ServerChoice.lastError(info) + ")";
        }
        if (info.toolCount() == null) {
            return null; // the listing failed; let the server answer the call itself
        }
        boolean offered = tools.stream()
                .anyMatch(t -> t.server().equals(server) && t.tool().equals(own));
        if (offered) {
            return null;
        }
        return "tool: \"" + own + "\" (expected: a tool of server " + server + "; list them with: switchboard"
                + " tools --config " + config.file + " --server " + server + ")";
    }

    private static int fail(PrintWriter err, String message) {
        err.println("call: " + message);
        err.flush();
        return 1;
    }
}
