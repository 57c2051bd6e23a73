package dev.switchboard.core.catalog;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One server's part of a catalog, prepared once per server catalog and naming rule: its offered
 * tools (after the filter) and its prompts as naming candidates, its resources and templates as
 * entries. Immutable; shared by every snapshot until the server's catalog or rule changes.
 */
final class ServerEntries {
    final ServerCatalog catalog;
    final CatalogSettings.Rule rule;
    final String separator;
    final List<Candidate<CatalogTool>> tools;
    final List<Candidate<CatalogPrompt>> prompts;
    final List<CatalogResource> resources;
    final List<CatalogResource> templates;

    private ServerEntries(ServerCatalog catalog, CatalogSettings.Rule rule, String separator) {
        this.catalog = catalog;
        this.rule = rule;
        this.separator = separator;
        String server = catalog.server();
        List<Candidate<CatalogTool>> offered = new ArrayList<>(catalog.tools().size());
        for (ObjectNode tool : catalog.tools()) {
            if (rule.patterns().offers(tool.path("name").asString())) {
                offered.add(new Candidate<>(server, separator, rule.prefix(), tool, Candidate.TOOLS));
            }
        }
        this.tools = List.copyOf(offered);
        List<Candidate<CatalogPrompt>> named = new ArrayList<>(catalog.prompts().size());
        for (ObjectNode prompt : catalog.prompts()) {
            named.add(new Candidate<>(server, separator, rule.prefix(), prompt, Candidate.PROMPTS));
        }
        this.prompts = List.copyOf(named);
        this.resources = resources(catalog.resources(), server, Kind.RESOURCES);
        this.templates = resources(catalog.resourceTemplates(), server, Kind.RESOURCE_TEMPLATES);
    }

    /** The entries of {@code catalog} under {@code rule}; {@code previous} itself when it has them. */
    static ServerEntries of(
            ServerCatalog catalog, CatalogSettings.Rule rule, String separator, @Nullable ServerEntries previous) {
        if (previous != null
                && previous.catalog == catalog
                && previous.rule.equals(rule)
                && previous.separator.equals(separator)) {
            return previous;
        }
        return new ServerEntries(catalog, rule, separator);
    }

    private static List<CatalogResource> resources(List<ObjectNode> items, String server, Kind kind) {
        List<CatalogResource> out = new ArrayList<>(items.size());
        for (ObjectNode item : items) {
            out.add(new CatalogResource(item.path(kind.key()).asString(), server, item));
        }
        return List.copyOf(out);
    }

    String server() {
        return catalog.server();
    }
}
