package dev.switchboard.core.config;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads one rule of {@code gateway.policy.rules}, checking that the servers it names exist. */
final class PolicyRuleReader {
    private final ValueReader in;
    private final Set<String> serverNames;

    PolicyRuleReader(ValueReader in, Set<String> serverNames) {
        this.in = in;
        this.serverNames = serverNames;
    }

    @Nullable
    PolicyRule read(@Nullable ObjectFields rule) {
        if (rule == null) {
            return null;
        }
        rule.reportUnknownKeys();
        String user = rule.string("user");
        String agent = rule.string("agent");
        String role = rule.string("role");
        if (!rule.has("user") && !rule.has("agent") && !rule.has("role")) {
            in.problems()
                    .invalid(
                            rule.path(),
                            "{...}",
                            "at least one of \"user\", \"agent\" or \"role\" (\"*\" matches everyone)");
        }
        List<String> servers = rule.strings("servers", List.of("*"), true);
        for (int i = 0; i < servers.size(); i++) {
            checkServer(servers.get(i), rule.path("servers").index(i));
        }
        return new PolicyRule(
                user,
                agent,
                role,
                servers,
                rule.strings("allow", List.of("*"), true),
                rule.strings("deny", List.of(), true));
    }

    private void checkServer(String pattern, ConfigPath path) {
        if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || serverNames.contains(pattern)) {
            return;
        }
        String closest = KeySuggestions.closest(pattern, serverNames);
        String hint = closest == null ? "" : "; did you mean " + ConfigPath.quoted(closest) + "?";
        in.problems().invalid(path, ConfigPath.quoted(pattern), "a configured server or a pattern with * or ?" + hint);
    }
}
