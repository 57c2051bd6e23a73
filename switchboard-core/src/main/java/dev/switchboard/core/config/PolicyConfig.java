package dev.switchboard.core.config;

import java.util.List;
import java.util.Objects;

/**
 * Who may use which tools. The same rules filter listings and guard calls. In the file: {@code
 * policy: {default: deny, rules: [...]}}.
 *
 * @param defaultDecision what applies to a tool no rule allows or denies; default {@link
 *     PolicyDecision#ALLOW}, so that a file without a policy works
 * @param rules the rules, in file order; default empty
 */
public record PolicyConfig(PolicyDecision defaultDecision, List<PolicyRule> rules) {

    /** The default: every tool allowed to everyone. */
    public static final PolicyConfig ALLOW_ALL = new PolicyConfig(PolicyDecision.ALLOW, List.of());

    /** Copies the rules and checks that the default is not null. */
    public PolicyConfig {
        Objects.requireNonNull(defaultDecision, "defaultDecision");
        rules = List.copyOf(rules);
    }
}
