package dev.switchboard.core.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A bare tool name that more than one server offers, so it cannot be routed: the caller must use
 * one of the full names. The candidates are only the tools the caller may see: an ambiguity never
 * reveals a tool the access policy hides. The message reads {@code ambiguous: search matches
 * github__search, gitlab__search (expected: one of these full names)}.
 */
public final class AmbiguousToolException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> candidates;

    /**
     * An ambiguity of {@code name} between {@code candidates}.
     *
     * @param candidates the full names of the tools that {@code name} could mean, in catalog order
     */
    public AmbiguousToolException(String name, List<String> candidates) {
        super("ambiguous: " + Objects.requireNonNull(name, "name") + " matches " + String.join(", ", candidates)
                + " (expected: one of these full names)");
        this.name = name;
        this.candidates = List.copyOf(candidates);
    }

    /** The ambiguous name. */
    public String name() {
        return name;
    }

    /** The full names it could mean, in catalog order. */
    public List<String> candidates() {
        return candidates;
    }
}
