package dev.switchboard.server.mcp;

import dev.switchboard.core.catalog.AmbiguousToolException;
import dev.switchboard.core.catalog.Catalog;
import dev.switchboard.core.catalog.CatalogPrompt;
import dev.switchboard.core.catalog.CatalogResource;
import dev.switchboard.core.catalog.CatalogTool;
import dev.switchboard.core.catalog.ServerCatalog;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which servers a view serves and under which names: every server, namespaced ({@link Aggregate}),
 * or one server under its own names ({@link Single}). Lookups take a {@code visible} test (the
 * caller's policy), so that a hidden item is exactly as absent as a missing one.
 */
sealed interface Scope permits Scope.Aggregate, Scope.Single {

    /** Whether the view serves {@code server} at all. */
    boolean covers(String server);

    /** A short name for logs and {@code serverInfo}: {@code aggregate} or the server's name. */
    String label();

    /** The tools of the covered servers, in catalog order. */
    List<CatalogTool> tools(Catalog catalog);

    /** The name the view gives {@code tool}. */
    String name(CatalogTool tool);

    /** The definition the view lists for {@code tool} (shared: read-only). */
    ObjectNode definition(Catalog catalog, CatalogTool tool);

    /** The tool the view calls {@code name}, among the visible ones, or {@code null}. */
    @Nullable
    CatalogTool tool(Catalog catalog, String name, Predicate<CatalogTool> visible);

    /** The prompts of the covered servers, in catalog order. */
    List<CatalogPrompt> prompts(Catalog catalog);

    /** The definition the view lists for {@code prompt} (shared: read-only). */
    ObjectNode definition(Catalog catalog, CatalogPrompt prompt);

    /** The prompt the view calls {@code name}, among the visible ones, or {@code null}. */
    @Nullable
    CatalogPrompt prompt(Catalog catalog, String name, Predicate<CatalogPrompt> visible);

    /** The resources (or, with {@code templates}, the templates) of the covered servers. */
    List<CatalogResource> resources(Catalog catalog, boolean templates);

    /** The server that a read, a subscription or a completion of {@code uri} goes to. */
    Optional<String> resourceOwner(Catalog catalog, String uri);

    /** Every server, tools and prompts named {@code server + separator + name}. */
    record Aggregate() implements Scope {
        @Override
        public boolean covers(String server) {
            return true;
        }

        @Override
        public String label() {
            return "aggregate";
        }

        @Override
        public List<CatalogTool> tools(Catalog catalog) {
            return catalog.tools();
        }

        @Override
        public String name(CatalogTool tool) {
            return tool.name();
        }

        @Override
        public ObjectNode definition(Catalog catalog, CatalogTool tool) {
            return tool.definition();
        }

        @Override
        public @Nullable CatalogTool tool(Catalog catalog, String name, Predicate<CatalogTool> visible) {
            try {
                return catalog.route(name, visible).orElse(null);
            } catch (AmbiguousToolException e) {
                return null;
            }
        }

        @Override
        public List<CatalogPrompt> prompts(Catalog catalog) {
            return catalog.prompts();
        }

        @Override
        public ObjectNode definition(Catalog catalog, CatalogPrompt prompt) {
            return prompt.definition();
        }

        @Override
        public @Nullable CatalogPrompt prompt(Catalog catalog, String name, Predicate<CatalogPrompt> visible) {
            return catalog.prompt(name).filter(visible).orElse(null);
        }

        @Override
        public List<CatalogResource> resources(Catalog catalog, boolean templates) {
            return templates ? catalog.resourceTemplates() : catalog.resources();
        }

        @Override
        public Optional<String> resourceOwner(Catalog catalog, String uri) {
            return catalog.resourceOwner(uri);
        }
    }

    /** One server, its tools and prompts under their own names, every URI going to it. */
    record Single(String server) implements Scope {
        @Override
        public boolean covers(String name) {
            return server.equals(name);
        }

        @Override
        public String label() {
            return server;
        }

        @Override
        public List<CatalogTool> tools(Catalog catalog) {
            return catalog.toolsOf(server);
        }

        @Override
        public String name(CatalogTool tool) {
            return tool.originalName();
        }

        @Override
        public ObjectNode definition(Catalog catalog, CatalogTool tool) {
            return tool.name().equals(tool.originalName())
                    ? tool.definition()
                    : own(catalog, tool.originalName(), true, tool.definition());
        }

        @Override
        public @Nullable CatalogTool tool(Catalog catalog, String name, Predicate<CatalogTool> visible) {
            for (CatalogTool tool : catalog.toolsOf(server)) {
                if (tool.originalName().equals(name)) {
                    return visible.test(tool) ? tool : null;
                }
            }
            return null;
        }

        @Override
        public List<CatalogPrompt> prompts(Catalog catalog) {
            return catalog.promptsOf(server);
        }

        @Override
        public ObjectNode definition(Catalog catalog, CatalogPrompt prompt) {
            return prompt.name().equals(prompt.originalName())
                    ? prompt.definition()
                    : own(catalog, prompt.originalName(), false, prompt.definition());
        }

        @Override
        public @Nullable CatalogPrompt prompt(Catalog catalog, String name, Predicate<CatalogPrompt> visible) {
            for (CatalogPrompt prompt : catalog.promptsOf(server)) {
                if (prompt.originalName().equals(name)) {
                    return visible.test(prompt) ? prompt : null;
                }
            }
            return null;
        }

        @Override
        public List<CatalogResource> resources(Catalog catalog, boolean templates) {
            return templates ? catalog.resourceTemplatesOf(server) : catalog.resourcesOf(server);
        }

        @Override
        public Optional<String> resourceOwner(Catalog catalog, String uri) {
            return Optional.of(server);
        }

        /** The server's own object of the tool or prompt {@code name}, as it listed it. */
        private ObjectNode own(Catalog catalog, String name, boolean tool, ObjectNode renamed) {
            Optional<ServerCatalog> listed = catalog.server(server);
            if (listed.isEmpty()) {
                return renamed;
            }
            for (ObjectNode item : tool ? listed.get().tools() : listed.get().prompts()) {
                if (name.equals(item.path("name").asString(""))) {
                    return item;
                }
            }
            return renamed;
        }
    }
}
