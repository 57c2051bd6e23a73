package dev.switchboard.mcp.contract;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the contract needs to know about the server behind a transport: which tools do what, and
 * what they answer. There are two: {@link #demo} and {@link #serverEverything}.
 *
 * @param serverName the expected {@code serverInfo.name}
 * @param echoTool the tool that sends back a string argument as text
 * @param echoArgument that argument's name
 * @param echoPrefix what the echo tool puts before the string
 * @param errorResult a call that answers with a result whose {@code isError} is true
 * @param unknownToolIsProtocolError whether calling an unknown tool answers a JSON-RPC error (else a
 *     result with {@code isError})
 * @param progress a call that reports progress when asked to
 * @param progressSteps how many progress notifications that call sends
 * @param slow a call that takes far longer than the contract's short timeout
 * @param logsCancellation whether the slow call sends a log message starting with {@code slow:
 *     cancelled} when it is cancelled
 * @param resourceUri a resource that {@code resources/list} lists and {@code resources/read} reads
 * @param prompt a prompt's name, for {@code prompts/get}
 * @param promptArguments its arguments
 * @param sampling a call that asks the client for {@code sampling/createMessage} and returns the
 *     sampled text in its result
 * @param elicitation a call that asks the client for {@code elicitation/create} and returns the
 *     action in its result
 * @param pageSize the most tools in one {@code tools/list} page, or 0 for one page
 * @param requiredTools tools the list must contain
 */
record TargetProfile(
        String serverName,
        String echoTool,
        String echoArgument,
        String echoPrefix,
        Call errorResult,
        boolean unknownToolIsProtocolError,
        Call progress,
        int progressSteps,
        Call slow,
        boolean logsCancellation,
        String resourceUri,
        String prompt,
        ObjectNode promptArguments,
        Call sampling,
        Call elicitation,
        int pageSize,
        List<String> requiredTools) {

    /** A tool name and its arguments. */
    record Call(String tool, ObjectNode arguments) {}

    /** Switchboard's demo server, serving tool lists in pages of {@code pageSize} (0: one page). */
    static TargetProfile demo(JsonRpcCodec codec, int pageSize) {
        return new TargetProfile(
                "switchboard-demo",
                "echo",
                "message",
                "",
                new Call("test_error_handling", codec.object()),
                true,
                new Call("progress", codec.object().put("steps", 3)),
                3,
                new Call("slow", codec.object().put("ms", 600_000)),
                true,
                "test://static-text",
                "test_prompt_with_arguments",
                codec.object().put("arg1", "first").put("arg2", "second"),
                new Call("test_sampling", codec.object().put("prompt", "Say hello")),
                new Call("test_elicitation", codec.object().put("message", "Who are you?")),
                pageSize,
                List.of("echo", "add", "slow", "progress", "test_sampling", "test_elicitation"));
    }

    /** The reference server-everything of the TypeScript SDK. */
    static TargetProfile serverEverything(JsonRpcCodec codec) {
        return new TargetProfile(
                "mcp-servers/everything",
                "echo",
                "message",
                "Echo: ",
                // a missing required argument fails the SDK's input validation, which it reports as a tool error
                new Call("echo", codec.object()),
                // the SDK's McpServer reports an unknown tool as a tool error, not a JSON-RPC error
                false,
                new Call(
                        "trigger-long-running-operation",
                        codec.object().put("duration", 0.3).put("steps", 3)),
                3,
                new Call(
                        "trigger-long-running-operation",
                        codec.object().put("duration", 600).put("steps", 1)),
                false,
                "demo://resource/static/document/architecture.md",
                "args-prompt",
                codec.object().put("city", "Lisbon"),
                new Call("trigger-sampling-request", codec.object().put("prompt", "Say hello")),
                new Call("trigger-elicitation-request", codec.object()),
                0,
                List.of(
                        "echo",
                        "get-sum",
                        "trigger-long-running-operation",
                        "trigger-sampling-request",
                        "trigger-elicitation-request"));
    }
}
