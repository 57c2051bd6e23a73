package dev.switchboard.core.config;

import java.util.List;

/**
 * Which of a server's tools the gateway offers at all, before any access policy. Patterns match the
 * tool's name as the server gives it; {@code *} matches any run of characters and {@code ?} one
 * character. A tool is offered when it matches an allow pattern and no deny pattern. In the file:
 * {@code tools: {allow: ["*"], deny: ["delete_*"]}}.
 *
 * @param allow the patterns a tool must match one of; default {@code ["*"]}
 * @param deny the patterns a tool must match none of; default empty
 */
public record ToolFilter(List<String> allow, List<String> deny) {

    /** The default: every tool. */
    public static final ToolFilter ALL = new ToolFilter(List.of("*"), List.of());

    /** Copies the lists. */
    public ToolFilter {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }
}
