package dev.switchboard.mcp.conformance;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.ClientOptions;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.client.http.HttpTransportOptions;
import dev.switchboard.mcp.client.http.StreamableHttpClientTransport;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.testing.RecordingClientHandler;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client under test of the conformance suite's client scenarios: Switchboard's {@link
 * StreamableHttpClientTransport} and {@link McpClient}, doing what the scenario named in {@code
 * MCP_CONFORMANCE_SCENARIO} asks of a client, against the URL given as the last argument. Exits 0
 * when it did it, 1 when something failed, 2 on a usage error. Everything it prints goes to
 * standard error.
 *
 * <p>Scenarios: {@code initialize} (handshake only), {@code tools_call} ({@code add_numbers}),
 * {@code sse-retry} ({@code test_reconnection}, whose response stream the server closes before the
 * result; the transport resumes it with a GET and {@code Last-Event-ID} after the server's {@code
 * retry}), and {@code elicitation-sep1034-client-defaults} (answers an elicitation with the
 * schema's defaults).
 */
public final class ConformanceClient {
    private ConformanceClient() {}

    /** Runs the scenario; see the class description. */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv("MCP_CONFORMANCE_SCENARIO")));
    }

    static int run(String[] args, @Nullable String scenario) {
        if (args.length == 0 || scenario == null || scenario.isBlank()) {
            System.err.println("usage: MCP_CONFORMANCE_SCENARIO=NAME ConformanceClient [...] URL");
            return 2;
        }
        URI url = URI.create(args[args.length - 1]);
        try (McpRuntime runtime = new McpRuntime()) {
            return scenario(runtime, url, scenario);
        } catch (RuntimeException e) {
            System.err.println("conformance-client: " + scenario + " failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private static int scenario(McpRuntime runtime, URI url, String scenario) {
        switch (scenario) {
            case "initialize" -> {
                try (McpClient client = connect(runtime, url, ClientOptions.of(runtime, "conformance"))) {
                    report("initialized with " + client.serverInfo() + ", revision " + client.protocolVersion());
                }
            }
            case "tools_call" ->
                call(
                        runtime,
                        url,
                        "add_numbers",
                        runtime.codec().object().put("a", 2).put("b", 3));
            case "sse-retry" ->
                call(runtime, url, "test_reconnection", runtime.codec().object());
            case "elicitation-sep1034-client-defaults" -> elicitationDefaults(runtime, url);
            default -> {
                System.err.println("conformance-client: scenario " + scenario + " (expected: initialize, tools_call,"
                        + " sse-retry or elicitation-sep1034-client-defaults)");
                return 1;
            }
        }
        return 0;
    }

    private static McpClient connect(McpRuntime runtime, URI url, ClientOptions options) {
        return McpClient.connect(new StreamableHttpClientTransport(runtime, HttpTransportOptions.of(url)), options);
    }

    private static void call(McpRuntime runtime, URI url, String tool, ObjectNode arguments) {
        try (McpClient client = connect(runtime, url, ClientOptions.of(runtime, "conformance"))) {
            JsonNode result = client.callTool(tool, arguments);
            report(tool + " answered " + result);
            if (result.path("isError").asBoolean()) {
                throw new IllegalStateException(tool + ": isError true (expected: a successful result)");
            }
        }
    }

    /** Declares elicitation with defaults applied, and accepts each form with the defaults of its fields. */
    private static void elicitationDefaults(McpRuntime runtime, URI url) {
        ObjectNode caps = runtime.codec().object();
        caps.putObject("elicitation").put("applyDefaults", true);
        RecordingClientHandler handler = new RecordingClientHandler()
                .answer(McpMethods.ELICITATION_CREATE, request -> acceptDefaults(runtime, request.paramsObject()));
        ClientOptions options = ClientOptions.of(runtime, "conformance").withServerRequests(caps, handler);
        try (McpClient client = connect(runtime, url, options)) {
            JsonNode result = client.callTool(
                    "test_client_elicitation_defaults", runtime.codec().object());
            report("test_client_elicitation_defaults answered " + result);
        }
    }

    private static ObjectNode acceptDefaults(McpRuntime runtime, ObjectNode params) {
        ObjectNode answer = runtime.codec().object().put("action", "accept");
        ObjectNode content = answer.putObject("content");
        for (Map.Entry<String, JsonNode> field :
                params.path("requestedSchema").path("properties").properties()) {
            JsonNode value = field.getValue().get("default");
            if (value != null) {
                content.set(field.getKey(), value);
            }
        }
        return answer;
    }

    private static void report(String line) {
        System.err.println("conformance-client: " + line);
    }
}
