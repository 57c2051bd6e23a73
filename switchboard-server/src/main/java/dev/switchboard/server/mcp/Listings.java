package dev.switchboard.server.mcp;

import dev.switchboard.core.catalog.Catalog;
import dev.switchboard.core.catalog.CatalogPrompt;
import dev.switchboard.core.catalog.CatalogResource;
import dev.switchboard.core.catalog.CatalogTool;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.session.IncomingRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The listings of a view, from the catalog: what the session's principal may see, of the servers
 * that can serve now; the rest is left out and named in the result's {@code _meta}.
 */
final class Listings {
    private Listings() {}

    /** {@code tools/list}. */
    static ObjectNode tools(ViewSession session, IncomingRequest request) {
        return session.pages().page("tools", Pages.cursor(request.paramsObject()), () -> {
            Availability availability = session.availability();
            Catalog catalog = session.switchboard().catalog().current();
            Policy policy = session.switchboard().policy();
            Principal principal = session.principal();
            List<ObjectNode> items = new ArrayList<>();
            for (CatalogTool tool : session.scope().tools(catalog)) {
                if (availability.available().contains(tool.server())
                        && policy.allowsTool(principal, tool.server(), tool.originalName())) {
                    items.add(session.scope().definition(catalog, tool));
                }
            }
            return new Pages.Listing(items, meta(session, availability));
        });
    }

    /** {@code prompts/list}. */
    static ObjectNode prompts(ViewSession session, IncomingRequest request) {
        return session.pages().page("prompts", Pages.cursor(request.paramsObject()), () -> {
            Availability availability = session.availability();
            Catalog catalog = session.switchboard().catalog().current();
            Policy policy = session.switchboard().policy();
            List<ObjectNode> items = new ArrayList<>();
            for (CatalogPrompt prompt : session.scope().prompts(catalog)) {
                if (availability.available().contains(prompt.server())
                        && policy.allowsPrompt(session.principal(), prompt.server(), prompt.originalName())) {
                    items.add(session.scope().definition(catalog, prompt));
                }
            }
            return new Pages.Listing(items, meta(session, availability));
        });
    }

    /** {@code resources/list}, or with {@code templates} {@code resources/templates/list}. */
    static ObjectNode resources(ViewSession session, IncomingRequest request, boolean templates) {
        String field = templates ? "resourceTemplates" : "resources";
        return session.pages().page(field, Pages.cursor(request.paramsObject()), () -> {
            Availability availability = session.availability();
            Catalog catalog = session.switchboard().catalog().current();
            Policy policy = session.switchboard().policy();
            List<ObjectNode> items = new ArrayList<>();
            for (CatalogResource resource : session.scope().resources(catalog, templates)) {
                if (availability.available().contains(resource.server())
                        && policy.allowsResource(session.principal(), resource.server(), resource.uri())) {
                    items.add(resource.definition());
                }
            }
            return new Pages.Listing(items, meta(session, availability));
        });
    }

    private static @Nullable ObjectNode meta(ViewSession session, Availability availability) {
        if (availability.unavailable().isEmpty()) {
            return null;
        }
        ObjectNode meta = session.context().codec().object();
        meta.set(Availability.META_KEY, availability.unavailableJson());
        return meta;
    }
}
