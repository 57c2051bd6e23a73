package dev.switchboard.core.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One access rule. It applies to a principal whose user, agent and role match every one of {@link
 * #user}, {@link #agent} and {@link #role} that is set (at least one is); patterns take {@code *}
 * and {@code ?} wildcards. For those principals it allows the tools of the matching {@link
 * #servers} that match an {@link #allow} pattern, and denies those that match a {@link #deny}
 * pattern; deny wins over allow, across rules too. In the file: {@code {user: alice, servers:
 * [github], allow: ["*"], deny: ["delete_*"]}}.
 *
 * @param user the user pattern, or {@code null}
 * @param agent the agent pattern, or {@code null}
 * @param role the role pattern, or {@code null}
 * @param servers server name patterns; default {@code ["*"]}
 * @param allow tool name patterns (the server's own names) the rule allows; default {@code ["*"]}
 * @param deny tool name patterns the rule denies; default empty
 */
public record PolicyRule(
        @Nullable String user,
        @Nullable String agent,
        @Nullable String role,
        List<String> servers,
        List<String> allow,
        List<String> deny) {

    /** Copies the lists. */
    public PolicyRule {
        servers = List.copyOf(servers);
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }
}
