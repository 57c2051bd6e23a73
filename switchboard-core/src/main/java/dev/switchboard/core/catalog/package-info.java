/**
 * What every server offers, discovered, named and routable, served from memory.
 *
 * <p>{@link dev.switchboard.core.catalog.ServerCatalog} lists one server's tools, resources,
 * resource templates and prompts (every page, up to a cap) and lists a kind again after a {@code
 * list_changed} notification ({@link dev.switchboard.core.catalog.Kind#forNotification}). {@link
 * dev.switchboard.core.catalog.Catalog} is an immutable snapshot of every server's offer as the
 * gateway presents it: names {@code server__tool} (separator and prefix per {@link
 * dev.switchboard.core.catalog.CatalogSettings}) kept within the MCP tool name rules, collisions
 * resolved by configuration order and reported, filtered tools left out, and O(1) lookups for
 * listing and routing ({@link dev.switchboard.core.catalog.Catalog#route}, seed 001's {@code
 * route_tool}). {@link dev.switchboard.core.catalog.LiveCatalog} holds the current snapshot,
 * swaps in a new one on each change without ever blocking readers, and tells {@link
 * dev.switchboard.core.catalog.CatalogListener}s which kinds of which servers changed, so that the
 * gateway can send {@code list_changed} upstream.
 */
@NullMarked
package dev.switchboard.core.catalog;

import org.jspecify.annotations.NullMarked;
