package dev.switchboard.core.catalog;

import dev.switchboard.core.config.ToolFilter;
import java.util.List;

/**
 * A {@link ToolFilter} ready to match: a tool is offered when its name (the server's own) matches
 * an allow pattern and no deny pattern. In a pattern {@code *} matches any run of characters
 * (also none) and {@code ?} exactly one; every other character matches itself, case-sensitively.
 * Immutable.
 */
final class ToolPatterns {
    private final List<String> allow;
    private final List<String> deny;
    private final boolean everything;

    ToolPatterns(ToolFilter filter) {
        this.allow = filter.allow();
        this.deny = filter.deny();
        this.everything = deny.isEmpty() && allow.contains("*");
    }

    /** Whether the tool named {@code tool} is offered. */
    boolean offers(String tool) {
        if (everything) {
            return true;
        }
        return anyMatches(allow, tool) && !anyMatches(deny, tool);
    }

    private static boolean anyMatches(List<String> patterns, String text) {
        for (String pattern : patterns) {
            if (matches(pattern, text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} matches {@code pattern}: a linear scan that remembers the last {@code *}
     * and retries from it, so no pattern takes more than (pattern length × text length) steps.
     */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
