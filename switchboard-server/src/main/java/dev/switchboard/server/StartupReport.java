package dev.switchboard.server;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.AuthConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.server.http.GatewayServer;
import dev.switchboard.server.http.RouteTable;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lines a gateway logs when it starts: where it listens, one per server, one per endpoint. */
final class StartupReport {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private StartupReport() {}

    static void log(Path file, GatewayServer server, Switchboard switchboard, RouteTable routes) {
        AuthConfig auth = switchboard.config().gateway().auth();
        log.info("Switchboard gateway listening on {} (config {}, auth {})", server.base(), file, describe(auth));
        for (ServerInfo info : switchboard.servers()) {
            ServerConfig config = switchboard.config().servers().get(info.name());
            boolean enabled = config == null || config.settings().enabled();
            boolean eager = config != null && config.settings().eager();
            log.info(
                    "Server {}: {}, {}, {}, {}",
                    info.name(),
                    info.transport(),
                    info.sessionMode().configName(),
                    enabled ? (eager ? "eager" : "lazy") : "disabled",
                    info.state().name().toLowerCase(Locale.ROOT));
        }
        String base = server.base().toString();
        for (RouteTable.Route route : routes.routes()) {
            log.info(
                    "Endpoint {}{} ({})",
                    base.substring(0, base.length() - 1),
                    route.pattern(),
                    route.access().name().toLowerCase(Locale.ROOT));
        }
    }

    private static String describe(AuthConfig auth) {
        if (!auth.isEnabled()) {
            return "off: loopback only";
        }
        int keys = auth.apiKeys().size();
        String k = keys == 0 ? "" : keys + (keys == 1 ? " API key" : " API keys");
        String jwt = auth.jwt() == null ? "" : "JWT";
        return k.isEmpty() ? jwt : jwt.isEmpty() ? k : k + " and " + jwt;
    }
}
