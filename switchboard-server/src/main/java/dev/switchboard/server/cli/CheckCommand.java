package dev.switchboard.server.cli;

import dev.switchboard.core.config.ConfigSnapshot;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.ServerSettings;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code switchboard check --config FILE}: validates a configuration with the one validator,
 * connecting to nothing. Valid: status 0 and one line per server on standard output (name,
 * transport, session mode, enabled and eager, command line or URL without secrets), and a summary
 * on standard error. Invalid, or not a readable JSON or YAML file at all: status 1 and every
 * problem, one a line, on standard error.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Validates a configuration file without connecting to any server.",
            "Valid: exit 0 and one line per server (name, transport, session mode, enabled/eager, command or URL).",
            "Invalid: exit 1 and every problem on standard error, one a line."
        })
final class CheckCommand extends ConfigCommand {
    @Override
    public Integer call() {
        logging.apply();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigSnapshot snapshot = loadConfig(err);
        if (snapshot == null) {
            return 1;
        }
        ServerTargets targets = new ServerTargets(parent.environment());
        TextTable table = new TextTable();
        for (ServerConfig server : snapshot.config().servers().values()) {
            table.row(
                    server.name(),
                    ServerTargets.transport(server),
                    server.settings().sessionMode().configName(),
                    activation(server.settings()),
                    targets.target(server));
        }
        table.print(out);
        int count = snapshot.config().servers().size();
        err.println(snapshot.source() + ": valid, " + count + (count == 1 ? " server" : " servers"));
        err.flush();
        return 0;
    }

    private static String activation(ServerSettings settings) {
        if (!settings.enabled()) {
            return "disabled";
        }
        return settings.eager() ? "eager" : "lazy";
    }
}
