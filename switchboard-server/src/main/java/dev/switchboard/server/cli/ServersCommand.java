package dev.switchboard.server.cli;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.ConfigSnapshot;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code switchboard servers --config FILE}: connects to every enabled server at once, waiting at
 * most the longest connect plus initialize timeout, and prints a table of every server: name,
 * transport, session mode, state, phase and message of the last error, number of tools. Status 0
 * also when servers failed (the table says so); 1 only for an invalid configuration.
 */
@Command(
        name = "servers",
        mixinStandardHelpOptions = true,
        description = {
            "Connects to every enabled server, all at once, and prints each server's state:",
            "name, transport, session mode, state, phase of the last error, tools, last error.",
            "Exit 0 also when a server failed (the table says so); 1 for an invalid configuration."
        })
final class ServersCommand extends ConfigCommand {
    @Override
    public Integer call() {
        logging.apply();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigSnapshot snapshot = loadConfig(err);
        if (snapshot == null) {
            return 1;
        }
        Switchboard switchboard = GatewayStart.start(snapshot.config(), parent.environment(), err);
        if (switchboard == null) {
            return 1;
        }
        try (switchboard) {
            List<ServerInfo> servers = switchboard.connectAll(
                    GatewayStart.connectBudget(snapshot.config().servers().values()));
            table(servers).print(out);
        }
        return 0;
    }

    static TextTable table(List<ServerInfo> servers) {
        TextTable table = new TextTable().row("NAME", "TRANSPORT", "MODE", "STATE", "PHASE", "TOOLS", "LAST ERROR");
        for (ServerInfo server : servers) {
            Integer tools = server.toolCount();
            table.row(
                    server.name(),
                    server.transport(),
                    server.sessionMode().configName(),
                    Names.state(server.state()),
                    Names.phase(server.errorPhase()),
                    tools == null ? "-" : tools.toString(),
                    Names.firstLine(server.lastError()));
        }
        return table;
    }
}
