package dev.switchboard.core.config;

/** How the gateway talks to a server given by URL. In the file: {@code type: http}. */
public enum RemoteTransport {
    /**
     * Streamable HTTP, falling back to the legacy HTTP+SSE transport when the server turns out to
     * speak only that. The default.
     */
    HTTP("http"),
    /** The legacy HTTP+SSE transport (protocol revision 2024-11-05) only. */
    SSE("sse"),
    /** MCP over a WebSocket ({@code ws} or {@code wss} URL). */
    WEBSOCKET("websocket");

    private final String configName;

    RemoteTransport(String configName) {
        this.configName = configName;
    }

    /** The name used in the file's {@code type}, such as {@code sse}. */
    public String configName() {
        return configName;
    }
}
