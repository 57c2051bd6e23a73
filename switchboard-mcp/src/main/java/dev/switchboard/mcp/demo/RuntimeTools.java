package dev.switchboard.mcp.demo;

import java.util.List;
import java.util.Set;

/**
 * Tools that change the server while it runs: {@code add_tool} and {@code remove_tool} (each sends
 * {@code notifications/tools/list_changed} to every session) and {@code update_resource} (changes
 * {@code test://watched-resource} now, which notifies its subscribers). Thread-safe.
 */
final class RuntimeTools {
    /** The names of these tools. */
    static final Set<String> NAMES = Set.of("add_tool", "remove_tool", "update_resource");

    private final AddedTools added;
    private final WatchedResource watched;

    RuntimeTools(AddedTools added, WatchedResource watched) {
        this.added = added;
        this.watched = watched;
    }

    List<Tool> tools() {
        return List.of(
                Tool.of(
                        "add_tool",
                        "Adds a tool with the given name (it answers with a fixed text) and tells every"
                                + " session with notifications/tools/list_changed.",
                        Schemas.object()
                                .property("name", "string", "The new tool's name (A-Z a-z 0-9 _ . -)", true)
                                .build(),
                        call -> {
                            String name = call.string("name");
                            added.add(name);
                            return Content.textResult("added tool " + name);
                        }),
                Tool.of(
                        "remove_tool",
                        "Removes a tool added with add_tool and tells every session with"
                                + " notifications/tools/list_changed.",
                        Schemas.object()
                                .property("name", "string", "The name of a tool added with add_tool", true)
                                .build(),
                        call -> {
                            String name = call.string("name");
                            added.remove(name);
                            return Content.textResult("removed tool " + name);
                        }),
                Tool.of(
                        "update_resource",
                        "Changes test://watched-resource now; subscribers get notifications/resources/updated.",
                        Schemas.empty(),
                        call -> {
                            watched.update();
                            return Content.textResult("test://watched-resource is at version " + watched.version());
                        }));
    }
}
