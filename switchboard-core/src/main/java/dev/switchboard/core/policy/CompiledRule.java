package dev.switchboard.core.policy;

import dev.switchboard.core.config.PolicyRule;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PolicyRule} with its patterns compiled. A pattern left out of the rule ({@code null})
 * matches every principal; an agent pattern matches only a principal with an agent, and a role
 * pattern only a principal with at least one matching role. Immutable and thread-safe.
 */
final class CompiledRule {
    private final @Nullable Glob user;
    private final @Nullable Glob agent;
    private final @Nullable Glob role;
    private final Glob[] servers;
    private final Glob[] allow;
    private final Glob[] deny;
    private final boolean deniesEverything;

    CompiledRule(PolicyRule rule) {
        user = compile(rule.user());
        agent = compile(rule.agent());
        role = compile(rule.role());
        servers = Glob.all(rule.servers());
        allow = Glob.all(rule.allow());
        deny = Glob.all(rule.deny());
        boolean everything = false;
        for (Glob glob : deny) {
            everything |= glob.matchesEverything();
        }
        deniesEverything = everything;
    }

    private static @Nullable Glob compile(@Nullable String pattern) {
        return pattern == null ? null : Glob.of(pattern);
    }

    /** Whether the rule speaks about {@code principal}: every pattern it sets matches. */
    boolean appliesTo(Principal principal) {
        if (user != null && !user.matches(principal.user())) {
            return false;
        }
        Glob agentPattern = agent;
        if (agentPattern != null) {
            String name = principal.agent();
            if (name == null || !agentPattern.matches(name)) {
                return false;
            }
        }
        return role == null || anyRoleMatches(role, principal);
    }

    private static boolean anyRoleMatches(Glob pattern, Principal principal) {
        for (String name : principal.roles()) {
            if (pattern.matches(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rule covers the tools of {@code server}. */
    boolean coversServer(String server) {
        return Glob.any(servers, server);
    }

    /** Whether the rule denies {@code tool} (a server's own name), on a server it covers. */
    boolean denies(String tool) {
        return Glob.any(deny, tool);
    }

    /** Whether the rule allows {@code tool} (a server's own name), on a server it covers. */
    boolean allows(String tool) {
        return Glob.any(allow, tool);
    }

    /** Whether the rule denies every tool of the servers it covers. */
    boolean deniesEverything() {
        return deniesEverything;
    }

    /** Whether the rule allows at least one pattern of tools. */
    boolean allowsSomething() {
        return allow.length > 0;
    }
}
