package dev.switchboard.core.catalog;

import java.util.Objects;

/**
 * Two tools (or two prompts) wanted the same name; the one of the server earlier in configuration
 * order kept it and the other was renamed. Both servers are the same one when two of a server's
 * names became equal once made to follow the naming rules.
 *
 * @param kind {@link Kind#TOOLS} or {@link Kind#PROMPTS}
 * @param name the contested name
 * @param keptServer the server whose tool kept {@code name}
 * @param renamedServer the server whose tool was renamed
 * @param originalName the renamed tool's own name on {@code renamedServer}
 * @param assignedName the name it is offered by instead: its prefixed name, or that with a number
 *     ({@code _2}, {@code _3}, ...) when the prefixed name was taken too
 */
public record NameCollision(
        Kind kind, String name, String keptServer, String renamedServer, String originalName, String assignedName) {
    /** Checks that no field is null. */
    public NameCollision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keptServer, "keptServer");
        Objects.requireNonNull(renamedServer, "renamedServer");
        Objects.requireNonNull(originalName, "originalName");
        Objects.requireNonNull(assignedName, "assignedName");
    }
}
