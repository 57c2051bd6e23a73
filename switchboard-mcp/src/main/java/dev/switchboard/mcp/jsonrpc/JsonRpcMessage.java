package dev.switchboard.mcp.jsonrpc;

/**
 * One JSON-RPC 2.0 message: a {@link JsonRpcRequest}, a {@link JsonRpcNotification} or a {@link
 * JsonRpcResponse}. Messages are immutable values; their JSON payloads must not be mutated once the
 * message is built.
 */
public sealed interface JsonRpcMessage permits JsonRpcRequest, JsonRpcNotification, JsonRpcResponse {}
