package dev.switchboard.core.catalog;

import java.util.Objects;

/**
 * Two servers offer a resource with the same URI (or a template with the same URI template); the
 * one earlier in configuration order owns it, and the other's is left out of the aggregate.
 *
 * @param kind {@link Kind#RESOURCES} or {@link Kind#RESOURCE_TEMPLATES}
 * @param uri the contested URI or URI template
 * @param keptServer the server that owns it
 * @param droppedServer the server whose resource is left out
 */
public record UriCollision(Kind kind, String uri, String keptServer, String droppedServer) {
    /** Checks that no field is null. */
    public UriCollision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(keptServer, "keptServer");
        Objects.requireNonNull(droppedServer, "droppedServer");
    }
}
