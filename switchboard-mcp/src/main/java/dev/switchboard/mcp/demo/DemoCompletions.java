package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.server.ServerRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers {@code completion/complete} for the arguments of {@code test_prompt_with_arguments} and
 * the {@code id} of the resource template: the candidates that start with what was typed, ignoring
 * case. Stateless.
 */
final class DemoCompletions {
    private static final Map<String, List<String>> PROMPT_ARGUMENTS = Map.of(
            "arg1", List.of("testValue1", "alpha", "beta"),
            "arg2", List.of("testValue2", "gamma", "delta"));

    private static final List<String> TEMPLATE_IDS = List.of("1", "2", "3", "123");

    /**
     * Answers {@code completion/complete}.
     *
     * @throws JsonRpcException (invalid params) for a reference to an unknown prompt or template
     */
    JsonNode complete(ServerRequest request) {
        ObjectNode params = request.params();
        JsonNode ref = params.path("ref");
        String argument = params.path("argument").path("name").asString("");
        String typed = params.path("argument").path("value").asString("");
        List<String> candidates = switch (ref.path("type").asString("")) {
            case "ref/prompt" -> promptCandidates(ref.path("name").asString(""), argument);
            case "ref/resource" -> templateCandidates(ref.path("uri").asString(""), argument);
            default ->
                throw new JsonRpcException(
                        JsonRpcError.INVALID_PARAMS,
                        "ref.type: " + ref.path("type") + " (expected: ref/prompt or ref/resource)");
        };
        String prefix = typed.toLowerCase(Locale.ROOT);
        List<String> values = candidates.stream()
                .filter(c -> c.toLowerCase(Locale.ROOT).startsWith(prefix))
                .toList();
        ObjectNode result = Json.object();
        ObjectNode completion = result.putObject("completion");
        completion.set("values", Json.strings(values));
        completion.put("total", values.size());
        completion.put("hasMore", false);
        return result;
    }

    private static List<String> promptCandidates(String prompt, String argument) {
        if (DemoPrompts.WITH_ARGUMENTS.equals(prompt)) {
            return PROMPT_ARGUMENTS.getOrDefault(argument, List.of());
        }
        if (DemoPrompts.SIMPLE.equals(prompt)
                || DemoPrompts.WITH_RESOURCE.equals(prompt)
                || DemoPrompts.WITH_IMAGE.equals(prompt)) {
            return List.of();
        }
        throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown prompt: " + prompt);
    }

    private static List<String> templateCandidates(String uri, String argument) {
        if (!DemoResources.TEMPLATE.equals(uri)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown resource template: " + uri);
        }
        return argument.equals("id") ? TEMPLATE_IDS : List.of();
    }
}
