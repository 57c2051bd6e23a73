package dev.switchboard.core.catalog;

/**
 * Told when what a {@link LiveCatalog} offers changed, so that the gateway can send {@code
 * notifications/tools/list_changed} (and the like) to the upstream sessions that see the change.
 */
@FunctionalInterface
public interface CatalogListener {
    /**
     * What changed. Runs on the thread that made the change, or on the live catalog's listener
     * executor when it has one; must not block for long. Changes made on different threads may
     * arrive in any order: read {@link CatalogChange#current()} or {@link LiveCatalog#current()}
     * for the state, not a running tally of changes. An exception thrown here is logged and
     * ignored.
     */
    void onChange(CatalogChange change);
}
