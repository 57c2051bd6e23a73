package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.server.ServerRequest;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo server's prompts, the conformance suite's fixtures: a simple prompt, one with two
 * required arguments, one with an embedded resource and one with an image. Answers {@code
 * prompts/list} and {@code prompts/get}. Stateless.
 */
final class DemoPrompts {
    static final String SIMPLE = "test_simple_prompt";
    static final String WITH_ARGUMENTS = "test_prompt_with_arguments";
    static final String WITH_RESOURCE = "test_prompt_with_embedded_resource";
    static final String WITH_IMAGE = "test_prompt_with_image";

    private final int pageSize;

    DemoPrompts(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Answers {@code prompts/list}. */
    JsonNode list(ServerRequest request) {
        List<ObjectNode> prompts = List.of(
                prompt(SIMPLE, "Simple Test Prompt", "A simple prompt without arguments"),
                withArguments(
                        prompt(WITH_ARGUMENTS, "Prompt With Arguments", "A prompt with required arguments"),
                        "arg1",
                        "First test argument",
                        "arg2",
                        "Second test argument"),
                withArguments(
                        prompt(
                                WITH_RESOURCE,
                                "Prompt With Embedded Resource",
                                "A prompt that includes an embedded resource"),
                        "resourceUri",
                        "URI of the resource to embed"),
                prompt(WITH_IMAGE, "Prompt With Image", "A prompt that includes image content"));
        return Pages.page(prompts, "prompts", request.params(), pageSize);
    }

    private static ObjectNode prompt(String name, String title, String description) {
        ObjectNode prompt = Json.object();
        prompt.put("name", name);
        prompt.put("title", title);
        prompt.put("description", description);
        return prompt;
    }

    /** Adds required arguments, given as name, description pairs. */
    private static ObjectNode withArguments(ObjectNode prompt, String... namesAndDescriptions) {
        ArrayNode arguments = prompt.putArray("arguments");
        for (int i = 0; i < namesAndDescriptions.length; i += 2) {
            ObjectNode argument = arguments.addObject();
            argument.put("name", namesAndDescriptions[i]);
            argument.put("description", namesAndDescriptions[i + 1]);
            argument.put("required", true);
        }
        return prompt;
    }

    /**
     * Answers {@code prompts/get}.
     *
     * @throws JsonRpcException (invalid params) for an unknown prompt or a missing argument
     */
    JsonNode get(ServerRequest request) {
        ObjectNode params = request.params();
        String name = params.path("name").asString("");
        JsonNode arguments = params.path("arguments");
        ObjectNode result = Json.object();
        ArrayNode messages = result.putArray("messages");
        switch (name) {
            case SIMPLE -> messages.add(user(Content.text("This is a simple prompt for testing.")));
            case WITH_ARGUMENTS ->
                messages.add(user(Content.text("Prompt with arguments: arg1='" + argument(arguments, "arg1")
                        + "', arg2='" + argument(arguments, "arg2") + "'")));
            case WITH_RESOURCE -> {
                String uri = argument(arguments, "resourceUri");
                messages.add(user(Content.embeddedText(uri, "text/plain", "Embedded resource content for testing.")));
                messages.add(user(Content.text("Please process the embedded resource above.")));
            }
            case WITH_IMAGE -> {
                messages.add(user(Content.image()));
                messages.add(user(Content.text("Please analyze the image above.")));
            }
            default -> throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown prompt: " + name);
        }
        return result;
    }

    private static String argument(JsonNode arguments, String name) {
        JsonNode value = arguments.get(name);
        if (value == null || !value.isString()) {
            throw new JsonRpcException(
                    JsonRpcError.INVALID_PARAMS, "arguments." + name + ": " + value + " (expected: a string)");
        }
        return value.asString();
    }

    private static ObjectNode user(ObjectNode content) {
        ObjectNode message = Json.object();
        message.put("role", "user");
        message.set("content", content);
        return message;
    }
}
