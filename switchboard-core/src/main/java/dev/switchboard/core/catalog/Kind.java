package dev.switchboard.core.catalog;

import dev.switchboard.mcp.protocol.McpMethods;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a server lists: tools, resources, resource templates and prompts, each with the method that
 * lists it, the field of the result that holds the items, the server capability that declares it,
 * and the field that names an item.
 */
public enum Kind {
    /** {@code tools/list}, items named by {@code name}. */
    TOOLS(McpMethods.TOOLS_LIST, "tools", "tools", "name"),
    /** {@code resources/list}, items named by {@code uri}. */
    RESOURCES(McpMethods.RESOURCES_LIST, "resources", "resources", "uri"),
    /** {@code resources/templates/list}, items named by {@code uriTemplate}. */
    RESOURCE_TEMPLATES(McpMethods.RESOURCES_TEMPLATES_LIST, "resourceTemplates", "resources", "uriTemplate"),
    /** {@code prompts/list}, items named by {@code name}. */
    PROMPTS(McpMethods.PROMPTS_LIST, "prompts", "prompts", "name");

    private static final Set<Kind> RESOURCE_KINDS = Set.copyOf(EnumSet.of(RESOURCES, RESOURCE_TEMPLATES));

    private final String method;
    private final String field;
    private final String capability;
    private final String key;

    Kind(String method, String field, String capability, String key) {
        this.method = method;
        this.field = field;
        this.capability = capability;
        this.key = key;
    }

    /** The list method, such as {@code tools/list}. */
    public String method() {
        return method;
    }

    /** The field of the list result that holds the items, such as {@code tools}. */
    public String field() {
        return field;
    }

    /** The server capability whose presence says the server lists this kind, such as {@code tools}. */
    public String capability() {
        return capability;
    }

    /** The field that identifies an item: {@code name}, {@code uri} or {@code uriTemplate}. */
    public String key() {
        return key;
    }

    /**
     * The kinds to list again after the server sent the notification {@code method}: {@code
     * notifications/tools/list_changed} gives {@link #TOOLS}, {@code
     * notifications/resources/list_changed} gives {@link #RESOURCES} and {@link #RESOURCE_TEMPLATES}
     * (the protocol has no separate notification for templates), {@code
     * notifications/prompts/list_changed} gives {@link #PROMPTS}; any other method gives an empty
     * set.
     *
     * @return an immutable set, never null
     */
    public static Set<Kind> forNotification(String method) {
        return switch (method) {
            case McpMethods.TOOLS_LIST_CHANGED -> Set.of(TOOLS);
            case McpMethods.RESOURCES_LIST_CHANGED -> RESOURCE_KINDS;
            case McpMethods.PROMPTS_LIST_CHANGED -> Set.of(PROMPTS);
            default -> Set.of();
        };
    }
}
