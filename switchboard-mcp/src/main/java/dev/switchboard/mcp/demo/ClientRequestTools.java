package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tools that ask the client something while they run ({@code sampling/createMessage}, {@code
 * elicitation/create}); the request travels with the call, and the tool returns what the client
 * answered. A client that did not declare the capability gets a tool error. Thread-safe.
 */
final class ClientRequestTools {
    private final Duration timeout;

    ClientRequestTools(Duration timeout) {
        this.timeout = timeout;
    }

    List<Tool> tools() {
        return List.of(
                Tool.of(
                        "test_sampling",
                        "Asks the client's LLM to answer the prompt (sampling/createMessage) and returns its text.",
                        Schemas.object()
                                .property("prompt", "string", "The prompt to send to the LLM", true)
                                .build(),
                        this::sampling),
                Tool.of(
                        "test_elicitation",
                        "Asks the user for a username and an email (elicitation/create) and returns the answer.",
                        Schemas.object()
                                .property("message", "string", "The message to show the user", true)
                                .build(),
                        this::elicitation),
                Tool.of(
                        "test_elicitation_sep1034_defaults",
                        "Asks the user to review a form whose fields have default values (SEP-1034).",
                        Schemas.empty(),
                        call -> elicit(call, ElicitationForms.defaults())),
                Tool.of(
                        "test_elicitation_sep1330_enums",
                        "Asks the user to pick from the five kinds of enum fields (SEP-1330).",
                        Schemas.empty(),
                        call -> elicit(call, ElicitationForms.enums())));
    }

    private ObjectNode sampling(ToolCall call) throws InterruptedException {
        String prompt = call.string("prompt");
        requireCapability(call, "sampling");
        ObjectNode params = Json.object();
        ObjectNode message = params.putArray("messages").addObject();
        message.put("role", "user");
        message.set("content", Content.text(prompt));
        params.put("maxTokens", 100);
        JsonNode answer = ask(call, McpMethods.SAMPLING_CREATE_MESSAGE, params);
        return Content.textResult("LLM response: " + sampledText(answer.path("content")));
    }

    /** The text of a sampling answer, whose content is one block or (since 2025-11-25) an array. */
    private static String sampledText(JsonNode content) {
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            content.forEach(block -> text.append(block.path("text").asString("")));
            return text.toString();
        }
        return content.path("text").asString("");
    }

    private ObjectNode elicitation(ToolCall call) throws InterruptedException {
        String message = call.string("message");
        requireCapability(call, "elicitation");
        JsonNode answer = ask(call, McpMethods.ELICITATION_CREATE, ElicitationForms.userInfo(message));
        return Content.textResult("User response: " + describe(answer));
    }

    private ObjectNode elicit(ToolCall call, ObjectNode params) throws InterruptedException {
        requireCapability(call, "elicitation");
        JsonNode answer = ask(call, McpMethods.ELICITATION_CREATE, params);
        return Content.textResult("Elicitation completed: " + describe(answer));
    }

    private static String describe(JsonNode answer) {
        JsonNode content = answer.get("content");
        return "action=" + answer.path("action").asString("") + ", content="
                + Json.stringify(content == null || content.isNull() ? Json.object() : content);
    }

    private static void requireCapability(ToolCall call, String capability) {
        if (!call.request().session().clientCapabilities().has(capability)) {
            throw new ToolException(
                    "client capabilities: no " + capability + " (expected: the client to declare " + capability + ")");
        }
    }

    private static String reason(@Nullable Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** Sends the request on the call's stream and waits for the answer; cancelling the call cancels it. */
    private JsonNode ask(ToolCall call, String method, ObjectNode params) throws InterruptedException {
        CompletableFuture<JsonNode> answer = call.incoming()
                .request(method, params, RequestOptions.defaults().withTimeout(timeout));
        call.incoming().onCancel(() -> answer.cancel(true));
        try {
            // The session's own timeout completes the future; the extra second only guards it.
            return answer.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ToolException(method + " failed: " + reason(e.getCause()));
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ToolException(method + ": no answer within " + timeout.toMillis() + " ms");
        } catch (CancellationException e) {
            throw new ToolException(method + " was cancelled");
        }
    }
}
