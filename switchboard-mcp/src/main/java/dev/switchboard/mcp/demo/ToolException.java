package dev.switchboard.mcp.demo;

/** A tool cannot do what it was asked; the caller gets a result with {@code isError: true}. */
final class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToolException(String message) {
        super(message);
    }
}
