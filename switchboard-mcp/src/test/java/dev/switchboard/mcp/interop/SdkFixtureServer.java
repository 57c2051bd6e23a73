package dev.switchboard.mcp.interop;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;

/**
 * The MCP server built with the official MCP Java SDK that our client is tested against: tools
 * {@code echo}, {@code add} and {@code ask_llm} (which asks the client to sample), the resource
 * {@link #RESOURCE_URI} and the prompt {@code greeting}. The same features over every SDK transport.
 */
final class SdkFixtureServer {
    static final String NAME = "sdk-fixture";
    static final String RESOURCE_URI = "sdk://fixture/greeting";
    static final String RESOURCE_TEXT = "Hello from the MCP Java SDK";

    private SdkFixtureServer() {}

    /** Adds the fixture's features to an SDK server specification and builds it. */
    static <S extends McpServer.SyncSpecification<S>> McpSyncServer build(McpServer.SyncSpecification<S> spec) {
        return spec.serverInfo(NAME, "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .resources(false, false)
                        .prompts(false)
                        .build())
                .toolCall(echoTool(), SdkFixtureServer::echo)
                .toolCall(addTool(), SdkFixtureServer::add)
                .toolCall(askLlmTool(), SdkFixtureServer::askLlm)
                .resources(new SyncResourceSpecification(
                        McpSchema.Resource.builder(RESOURCE_URI, "greeting")
                                .description("A fixed greeting")
                                .mimeType("text/plain")
                                .build(),
                        (exchange, request) -> new McpSchema.ReadResourceResult(List.of(
                                new McpSchema.TextResourceContents(request.uri(), "text/plain", RESOURCE_TEXT)))))
                .prompts(new SyncPromptSpecification(
                        new McpSchema.Prompt(
                                "greeting",
                                "Greets someone by name",
                                List.of(new McpSchema.PromptArgument("name", "Who to greet", true))),
                        (exchange, request) -> new McpSchema.GetPromptResult(
                                "A greeting",
                                List.of(new McpSchema.PromptMessage(
                                        McpSchema.Role.USER,
                                        new McpSchema.TextContent("Say hello to "
                                                + request.arguments().get("name")))))))
                .build();
    }

    private static McpSchema.Tool echoTool() {
        return McpSchema.Tool.builder()
                .name("echo")
                .description("Returns the message unchanged")
                .inputSchema(objectSchema(Map.of("message", Map.of("type", "string")), "message"))
                .build();
    }

    private static CallToolResult echo(McpSyncServerExchange exchange, CallToolRequest request) {
        return CallToolResult.builder()
                .addTextContent(String.valueOf(request.arguments().get("message")))
                .isError(false)
                .build();
    }

    private static McpSchema.Tool addTool() {
        return McpSchema.Tool.builder()
                .name("add")
                .description("Adds two integers")
                .inputSchema(
                        objectSchema(Map.of("a", Map.of("type", "integer"), "b", Map.of("type", "integer")), "a", "b"))
                .build();
    }

    private static CallToolResult add(McpSyncServerExchange exchange, CallToolRequest request) {
        long sum = ((Number) request.arguments().get("a")).longValue()
                + ((Number) request.arguments().get("b")).longValue();
        return CallToolResult.builder()
                .addTextContent(Long.toString(sum))
                .structuredContent(Map.of("sum", sum))
                .isError(false)
                .build();
    }

    private static McpSchema.Tool askLlmTool() {
        return McpSchema.Tool.builder()
                .name("ask_llm")
                .description("Asks the client's LLM (sampling/createMessage) and returns its answer")
                .inputSchema(objectSchema(Map.of("prompt", Map.of("type", "string")), "prompt"))
                .build();
    }

    private static CallToolResult askLlm(McpSyncServerExchange exchange, CallToolRequest request) {
        McpSchema.CreateMessageResult answer = exchange.createMessage(McpSchema.CreateMessageRequest.builder()
                .messages(List.of(new McpSchema.SamplingMessage(
                        McpSchema.Role.USER,
                        new McpSchema.TextContent(
                                String.valueOf(request.arguments().get("prompt"))))))
                .maxTokens(50)
                .build());
        String text = answer.content() instanceof McpSchema.TextContent t ? t.text() : String.valueOf(answer.content());
        return CallToolResult.builder()
                .addTextContent("LLM said: " + text + " (model " + answer.model() + ")")
                .isError(false)
                .build();
    }

    private static Map<String, Object> objectSchema(Map<String, Object> properties, String... required) {
        return Map.of("type", "object", "properties", properties, "required", List.of(required));
    }
}
