package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.protocol.McpMethods;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tools added at runtime with {@code add_tool}; each change is announced to every initialized
 * session with {@code notifications/tools/list_changed}. Thread-safe.
 */
final class AddedTools {
    /** The most tools that may be added at runtime. */
    static final int MAX_ADDED_TOOLS = 50;

    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Map<String, Tool> tools = new ConcurrentSkipListMap<>();
    private final DemoSessions sessions;
    private final Set<String> reserved;

    /**
     * Tools added at runtime.
     *
     * @param reserved the names of the fixed tools, which added tools may not take
     */
    AddedTools(DemoSessions sessions, Set<String> reserved) {
        this.sessions = sessions;
        this.reserved = Set.copyOf(reserved);
    }

    /** The added tools, by name. */
    Collection<Tool> tools() {
        return tools.values();
    }

    /** The added tool of that name, or {@code null}. */
    @Nullable
    Tool get(String name) {
        return tools.get(name);
    }

    /**
     * Adds a tool that answers with a fixed text, and tells every session.
     *
     * @throws ToolException when the name is invalid or taken, or too many tools were added
     */
    void add(String name) {
        if (!TOOL_NAME.matcher(name).matches()) {
            throw new ToolException("name: \"" + name + "\" (expected: 1 to 64 of A-Z a-z 0-9 _ . -)");
        }
        if (tools.size() >= MAX_ADDED_TOOLS) {
            throw new ToolException("added tools: " + tools.size() + " (expected: at most " + MAX_ADDED_TOOLS + ")");
        }
        Tool tool = Tool.of(
                name,
                "A tool added at runtime with add_tool; answers with a fixed text.",
                Schemas.empty(),
                call -> Content.textResult("tool " + name + " was added at runtime"));
        if (reserved.contains(name) || tools.putIfAbsent(name, tool) != null) {
            throw new ToolException("name: " + name + " (expected: not the name of an existing tool)");
        }
        listChanged();
    }

    /**
     * Removes a tool added at runtime, and tells every session.
     *
     * @throws ToolException when no tool of that name was added at runtime
     */
    void remove(String name) {
        if (tools.remove(name) == null) {
            throw new ToolException("name: " + name + " (expected: a tool added with add_tool)");
        }
        listChanged();
    }

    private void listChanged() {
        sessions.broadcast(McpMethods.TOOLS_LIST_CHANGED, null, state -> true);
    }
}
