package dev.switchboard.server.mcp;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.session.IncomingRequest;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What a view offers as tools: the servers' tools ({@link CatalogTools}) or the meta-tools ({@link MetaTools}). */
interface ToolSurface {
    /** The {@code capabilities} the view declares at {@code initialize}. */
    ObjectNode capabilities(JsonRpcCodec codec);

    /** The {@code instructions} sent at {@code initialize}. */
    String instructions();

    /** Answers {@code tools/list}. Blocks (it may wait for lazy servers to connect). */
    JsonNode list(ViewSession session, IncomingRequest request);

    /** Answers {@code tools/call}. */
    CompletionStage<JsonNode> call(ViewSession session, IncomingRequest request);

    /** Whether resources, prompts and completion are relayed, and tools follow the catalog's changes. */
    boolean relaysCatalog();
}
