package dev.switchboard.server.cli;

import dev.switchboard.core.lifecycle.ErrorPhase;
import dev.switchboard.core.lifecycle.ServerState;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** How the commands write states, phases, lists of names and error messages. */
final class Names {
    private Names() {}

    /** {@code ready}, {@code failed}, ... */
    static String state(ServerState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** {@code initialize}, {@code process-start}, ...; {@code -} for none. */
    static String phase(@Nullable ErrorPhase phase) {
        return phase == null ? "-" : phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code "a", "b"}, or {@code none} for an empty collection. */
    static String quoted(Collection<String> names) {
        return names.isEmpty()
                ? "none"
                : names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }

    /** The first line of {@code text}, with {@code …} when lines follow; {@code -} for null or blank. */
    static String firstLine(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end).stripTrailing() + " …";
    }
}
