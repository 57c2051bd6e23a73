package dev.switchboard.core.engine;

import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.config.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What changes from one configuration to the next, server by server: added (a new name), removed
 * (a name that is gone), updated (same name, a configuration that is not equal) and unchanged
 * (equal), each in configuration order; plus which gateway settings changed. Immutable.
 *
 * @param added names only in the new configuration, in its order
 * @param removed names only in the old configuration, in its order
 * @param updated names in both whose configurations differ, in the new order
 * @param unchanged names in both with equal configurations, in the new order
 * @param gatewayChanges the gateway settings that differ, among {@code listen}, {@code separator},
 *     {@code views}, {@code auth}, {@code policy}, {@code allowedOrigins}, {@code allowedHosts},
 *     {@code maxRequestBytes} and {@code maxSessions}
 */
record ConfigDiff(
        List<String> added,
        List<String> removed,
        List<String> updated,
        List<String> unchanged,
        List<String> gatewayChanges) {

    ConfigDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        gatewayChanges = List.copyOf(gatewayChanges);
    }

    /** The difference from {@code before} to {@code after}. */
    static ConfigDiff of(GatewayConfig before, GatewayConfig after) {
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (ServerConfig next : after.servers().values()) {
            ServerConfig previous = before.servers().get(next.name());
            if (previous == null) {
                added.add(next.name());
            } else if (previous.equals(next)) {
                unchanged.add(next.name());
            } else {
                updated.add(next.name());
            }
        }
        List<String> removed = new ArrayList<>();
        for (String name : before.servers().keySet()) {
            if (!after.servers().containsKey(name)) {
                removed.add(name);
            }
        }
        return new ConfigDiff(added, removed, updated, unchanged, gatewayChanges(before.gateway(), after.gateway()));
    }

    private static List<String> gatewayChanges(GatewaySettings before, GatewaySettings after) {
        List<String> changes = new ArrayList<>();
        note(changes, "listen", before.listen(), after.listen());
        note(changes, "separator", before.separator(), after.separator());
        note(changes, "views", before.views(), after.views());
        note(changes, "auth", before.auth(), after.auth());
        note(changes, "policy", before.policy(), after.policy());
        note(
                changes,
                "allowedOrigins",
                before.http().allowedOrigins(),
                after.http().allowedOrigins());
        note(changes, "allowedHosts", before.http().allowedHosts(), after.http().allowedHosts());
        note(
                changes,
                "maxRequestBytes",
                before.http().maxRequestBytes(),
                after.http().maxRequestBytes());
        note(changes, "maxSessions", before.http().maxSessions(), after.http().maxSessions());
        return changes;
    }

    private static void note(List<String> changes, String name, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(name);
        }
    }

    /** Servers whose old endpoint goes away: removed and updated ones. */
    List<String> retired() {
        List<String> all = new ArrayList<>(removed);
        all.addAll(updated);
        return all;
    }

    /** Whether nothing at all changed. */
    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && updated.isEmpty() && gatewayChanges.isEmpty();
    }

    /** {@code +1 -0 ~2 =5}, and the gateway settings that changed. */
    @Override
    public String toString() {
        return "+" + added.size() + " -" + removed.size() + " ~" + updated.size() + " =" + unchanged.size()
                + (gatewayChanges.isEmpty() ? "" : " gateway " + gatewayChanges);
    }
}
