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
                .toolCall(
                        tool("echo", "Returns the message unchanged", Map.of("message", type("string"))),
                        SdkFixtureServer::echo)
                .toolCall(
                        tool("add", "Adds two integers", Map.of("a", type("integer"), "b", type("integer"))),
                        SdkFixtureServer::add)
                .toolCall(
                        tool(
                                "ask_llm",
                                "Asks the client's LLM (sampling/createMessage) and returns its answer",
                                Map.of("prompt", type("string"))),
                        SdkFixtureServer::askLlm)
                .resources(resource())
                .prompts(prompt())
                .build();
    }

    private static McpSchema.Tool tool(String name, String description, Map<String, Object> properties) {
        Map<String, Object> schema =
                Map.of("type", "object", "properties", properties, "required", List.copyOf(properties.keySet()));
        return McpSchema.Tool.builder(name, schema).description(description).build();
    }

    private static Map<String, Object> type(String type) {
        return Map.of("type", type);
    }

    private static McpSchema.TextContent text(String text) {
        return McpSchema.TextContent.builder(text).build();
    }

    private static CallToolResult echo(McpSyncServerExchange exchange, CallToolRequest request) {
        return CallToolResult.builder()
                .addTextContent(String.valueOf(request.arguments().get("message")))
                .isError(false)
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

    private static CallToolResult askLlm(McpSyncServerExchange exchange, CallToolRequest request) {
        String prompt = String.valueOf(request.arguments().get("prompt"));
        McpSchema.CreateMessageResult answer = exchange.createMessage(McpSchema.CreateMessageRequest.builder(
                        List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER, text(prompt))), 50)
                .build());
        String said = answer.content() instanceof McpSchema.TextContent t ? t.text() : String.valueOf(answer.content());
        return CallToolResult.builder()
                .addTextContent("LLM said: " + said + " (model " + answer.model() + ")")
                .isError(false)
                .build();
    }

    private static SyncResourceSpecification resource() {
        return new SyncResourceSpecification(
                McpSchema.Resource.builder(RESOURCE_URI, "greeting")
                        .description("A fixed greeting")
                        .mimeType("text/plain")
                        .build(),
                (exchange, request) -> McpSchema.ReadResourceResult.builder(
                                List.of(McpSchema.TextResourceContents.builder(request.uri(), RESOURCE_TEXT)
                                        .mimeType("text/plain")
                                        .build()))
                        .build());
    }

    private static SyncPromptSpecification prompt() {
        return new SyncPromptSpecification(
                McpSchema.Prompt.builder("greeting")
                        .description("Greets someone by name")
                        .arguments(List.of(McpSchema.PromptArgument.builder("name")
                                .description("Who to greet")
                                .required(true)
                                .build()))
                        .build(),
                (exchange, request) -> McpSchema.GetPromptResult.builder(List.of(new McpSchema.PromptMessage(
                                McpSchema.Role.USER,
                                text("Say hello to " + request.arguments().get("name")))))
                        .description("A greeting")
                        .build());
    }
}
