package dev.switchboard.core;

/**
 * No server or tool of that name is available to the caller: it does not exist, is disabled, or
 * the access policy hides it. The message is the same in each case, so that a caller cannot learn
 * what exists beyond what it may use.
 */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String name;

    /**
     * An exception for the {@code kind} ({@code server} or {@code tool}) named {@code name}.
     *
     * @param kind what was looked up: {@code server} or {@code tool}
     * @param name the name the caller gave
     */
    public NotFoundException(String kind, String name) {
        super(kind + ": \"" + name + "\" (expected: the name of a " + kind + " available to this caller)");
        this.kind = kind;
        this.name = name;
    }

    /** What was looked up: {@code server} or {@code tool}. */
    public String kind() {
        return kind;
    }

    /** The name the caller gave. */
    public String name() {
        return name;
    }
}
