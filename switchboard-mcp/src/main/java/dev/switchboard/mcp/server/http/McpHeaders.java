package dev.switchboard.mcp.server.http;

/** HTTP header names of the MCP transports. */
final class McpHeaders {
    static final String SESSION_ID = "Mcp-Session-Id";
    static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private McpHeaders() {}
}
