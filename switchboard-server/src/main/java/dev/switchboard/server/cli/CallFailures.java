package dev.switchboard.server.cli;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.lifecycle.ServerConnectException;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.McpTimeoutException;

/** A failed tool call as one line for people. */
final class CallFailures {
    private CallFailures() {}

    /** What went wrong calling {@code tool} on {@code server}, without a stack trace. */
    static String describe(String server, String tool, Throwable failure) {
        Throwable e = Failures.unwrap(failure);
        String call = server + "/" + tool + ": ";
        return switch (e) {
            case NotFoundException missing ->
                missing.kind() + ": \"" + missing.name() + "\" (expected: "
                        + (missing.kind().equals("tool") ? "a tool of server " + server : "an enabled server") + ")";
            // the client's own timeout, not an answer: its message says what timed out and after how long
            case McpTimeoutException timeout ->
                call + Names.firstLine(timeout.error().message());
            case JsonRpcException answer ->
                call + "the server answered error " + answer.error().code() + ": "
                        + Names.firstLine(answer.error().message());
            case ServerConnectException down ->
                "server " + server + " is down (" + Names.phase(down.phase()) + ": " + Names.firstLine(down.detail())
                        + ")";
            default -> call + Failures.describe(e);
        };
    }
}
