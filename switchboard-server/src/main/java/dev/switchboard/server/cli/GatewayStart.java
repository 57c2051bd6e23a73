package dev.switchboard.server.cli;

import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.ConfigException;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.Timeouts;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Starting the library facade for a command that talks to the configured servers. */
final class GatewayStart {
    private GatewayStart() {}

    /**
     * A {@link Switchboard} for {@code config}, or {@code null} after printing every problem to
     * {@code err} when the engine rejects the configuration (a rule only it can check).
     */
    static @Nullable Switchboard start(GatewayConfig config, Map<String, String> environment, PrintWriter err) {
        try {
            return Switchboard.builder().config(config).environment(environment).build();
        } catch (ConfigException e) {
            ConfigOption.print(e.errors(), err);
            return null;
        }
    }

    /**
     * How long connecting {@code servers} all at once may take: the longest connect plus initialize
     * timeout of the enabled ones; at least a millisecond.
     */
    static Duration connectBudget(Collection<ServerConfig> servers) {
        Duration longest = Duration.ofMillis(1);
        for (ServerConfig server : servers) {
            if (server.settings().enabled()) {
                Timeouts t = server.settings().timeouts();
                Duration budget = t.connect().plus(t.initialize());
                longest = budget.compareTo(longest) > 0 ? budget : longest;
            }
        }
        return longest;
    }
}
