package dev.switchboard.server.cli;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.ServerConfig;
import java.io.PrintWriter;

/** Checks a server named on the command line against the configuration, before connecting. */
final class ServerChoice {
    private ServerChoice() {}

    /**
     * Whether {@code name} is a configured, enabled server; otherwise prints why not, as {@code
     * COMMAND: server: "x" (expected: one of "a", "b")}, and returns false.
     */
    static boolean check(GatewayConfig config, String name, String command, PrintWriter err) {
        ServerConfig server = config.servers().get(name);
        if (server == null) {
            err.println(command + ": server: \"" + name + "\" (expected: one of "
                    + Names.quoted(config.servers().keySet()) + ")");
        } else if (!server.settings().enabled()) {
            err.println(command + ": server: \"" + name + "\" is disabled (expected: an enabled server; set"
                    + " \"enabled: true\" in the configuration)");
        }
        err.flush();
        return server != null && server.settings().enabled();
    }

    /** {@code ", PHASE: message"} for a server with a last error, or nothing. */
    static String lastError(ServerInfo info) {
        if (info.errorPhase() == null && info.lastError() == null) {
            return "";
        }
        return ", " + Names.phase(info.errorPhase()) + ": " + Names.firstLine(info.lastError());
    }
}
