package dev.switchboard.server.mcp;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.session.IncomingRequest;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The servers' own tools, resources and prompts, as the view's scope names them. */
final class CatalogTools implements ToolSurface {
    static final CatalogTools INSTANCE = new CatalogTools();

    private CatalogTools() {}

    @Override
    public ObjectNode capabilities(JsonRpcCodec codec) {
        ObjectNode caps = codec.object();
        caps.putObject("tools").put("listChanged", true);
        caps.putObject("resources").put("subscribe", true).put("listChanged", true);
        caps.putObject("prompts").put("listChanged", true);
        caps.putObject("logging");
        caps.putObject("completions");
        return caps;
    }

    @Override
    public String instructions() {
        return "Switchboard gateway: the tools, resources and prompts of several MCP servers. In the aggregate"
                + " view a tool is named SERVER__TOOL; a server that is down is left out of listings, and the"
                + " listing's _meta names it.";
    }

    @Override
    public JsonNode list(ViewSession session, IncomingRequest request) {
        return Listings.tools(session, request);
    }

    @Override
    public CompletionStage<JsonNode> call(ViewSession session, IncomingRequest request) {
        ObjectNode params = request.paramsObject();
        return Relay.callTool(session, request, Relay.string(params, "name"), params);
    }

    @Override
    public boolean relaysCatalog() {
        return true;
    }
}
