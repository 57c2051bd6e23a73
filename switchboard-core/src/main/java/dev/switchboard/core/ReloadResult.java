package dev.switchboard.core;

import dev.switchboard.core.config.ConfigError;
import java.util.List;
import java.util.Objects;

/**
 * What a reload, {@link Switchboard#register} or {@link Switchboard#unregister} did: either it was
 * applied, with the servers it added, removed, updated and left unchanged, or it was rejected with
 * every problem and changed nothing. Immutable.
 *
 * @param applied whether the new configuration is in effect
 * @param errors every problem that made it rejected, each {@code path: value (expected: ...)};
 *     empty when applied
 * @param added servers that are new, in configuration order
 * @param removed servers that are gone; their calls in flight drain, then they close
 * @param updated servers whose configuration changed: new calls use new sessions, the old ones
 *     drain and close
 * @param unchanged servers kept as they were: same sessions, same processes
 * @param gatewayChanges the gateway settings that changed: {@code policy}, {@code separator},
 *     {@code views}, {@code listen}, {@code auth}, {@code allowedOrigins}, {@code allowedHosts},
 *     {@code maxRequestBytes}, {@code maxSessions} (the gateway applies {@code auth} at once; {@code
 *     listen} and the last four take effect when it restarts)
 */
public record ReloadResult(
        boolean applied,
        List<ConfigError> errors,
        List<String> added,
        List<String> removed,
        List<String> updated,
        List<String> unchanged,
        List<String> gatewayChanges) {

    /** Copies the lists and checks that a rejected result has errors and an applied one none. */
    public ReloadResult {
        errors = List.copyOf(errors);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        gatewayChanges = List.copyOf(gatewayChanges);
        if (applied != errors.isEmpty()) {
            throw new IllegalArgumentException("errors: " + errors.size()
                    + (applied ? " (expected: none when applied)" : " (expected: at least one when rejected)"));
        }
    }

    /** A rejected reload: nothing changed. */
    public static ReloadResult rejected(List<ConfigError> errors) {
        Objects.requireNonNull(errors, "errors");
        return new ReloadResult(false, errors, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Whether the reload changed anything at all. */
    public boolean changedAnything() {
        return !added.isEmpty() || !removed.isEmpty() || !updated.isEmpty() || !gatewayChanges.isEmpty();
    }

    /**
     * One line: {@code reload applied: +1 -0 ~2 =5 (gateway: policy)} or {@code reload rejected: 2
     * problems}.
     */
    @Override
    public String toString() {
        if (!applied) {
            return "reload rejected: " + errors.size() + (errors.size() == 1 ? " problem" : " problems");
        }
        return "reload applied: +" + added.size() + " -" + removed.size() + " ~" + updated.size() + " ="
                + unchanged.size()
                + (gatewayChanges.isEmpty() ? "" : " (gateway: " + String.join(", ", gatewayChanges) + ")");
    }
}
