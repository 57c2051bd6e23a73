package dev.switchboard.core.policy;

import java.util.List;

/**
 * A wildcard pattern compiled once: {@code *} matches any run of characters (also none), {@code ?}
 * exactly one; everything else matches itself, case-sensitively. Common shapes (a plain name,
 * {@code *}, {@code prefix*}, {@code *suffix}) match by a single string comparison; the rest by a
 * linear scan that backtracks only to the last {@code *}, so no check allocates or builds a regular
 * expression. Immutable and thread-safe.
 */
final class Glob {
    private enum Shape {
        EXACT,
        ANY,
        PREFIX,
        SUFFIX,
        GENERAL
    }

    private final String pattern;
    private final Shape shape;
    /** The literal part for {@link Shape#PREFIX} and {@link Shape#SUFFIX}; the pattern otherwise. */
    private final String literal;

    private Glob(String pattern) {
        this.pattern = pattern;
        int stars = count(pattern, '*');
        boolean question = pattern.indexOf('?') >= 0;
        if (stars == 0 && !question) {
            shape = Shape.EXACT;
            literal = pattern;
        } else if (stars == pattern.length()) {
            shape = Shape.ANY;
            literal = "";
        } else if (!question && stars == 1 && pattern.endsWith("*")) {
            shape = Shape.PREFIX;
            literal = pattern.substring(0, pattern.length() - 1);
        } else if (!question && stars == 1 && pattern.startsWith("*")) {
            shape = Shape.SUFFIX;
            literal = pattern.substring(1);
        } else {
            shape = Shape.GENERAL;
            literal = pattern;
        }
    }

    /** Compiles {@code pattern}. */
    static Glob of(String pattern) {
        return new Glob(pattern);
    }

    /** Compiles every pattern of {@code patterns}, in order. */
    static Glob[] all(List<String> patterns) {
        Glob[] globs = new Glob[patterns.size()];
        for (int i = 0; i < globs.length; i++) {
            globs[i] = of(patterns.get(i));
        }
        return globs;
    }

    /** Whether any of {@code globs} matches {@code text}. */
    static boolean any(Glob[] globs, String text) {
        for (Glob glob : globs) {
            if (glob.matches(text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this pattern matches every string: it has nothing but {@code *}. */
    boolean matchesEverything() {
        return shape == Shape.ANY;
    }

    /** Whether this pattern matches the whole of {@code text}. */
    boolean matches(String text) {
        return switch (shape) {
            case EXACT -> literal.equals(text);
            case ANY -> true;
            case PREFIX -> text.startsWith(literal);
            case SUFFIX -> text.endsWith(literal);
            case GENERAL -> matchesGeneral(text);
        };
    }

    private boolean matchesGeneral(String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        int patternLength = pattern.length();
        int textLength = text.length();
        while (t < textLength) {
            char c = p < patternLength ? pattern.charAt(p) : 0;
            if (p < patternLength && (c == '?' || (c != '*' && c == text.charAt(t)))) {
                p++;
                t++;
            } else if (p < patternLength && c == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                // let the last * swallow one more character and try the rest again from there
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < patternLength && pattern.charAt(p) == '*') {
            p++;
        }
        return p == patternLength;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return pattern;
    }
}
