package dev.switchboard.server.admin;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.ToolInfo;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.server.http.ErrorCode;
import dev.switchboard.server.ops.CallLog;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/call}: {@code {"server": "demo", "tool": "echo", "arguments": {...}}}, or
 * {@code {"name": "demo__echo", "arguments": {...}}} routed by name (a full aggregate name, or a
 * bare tool name that exactly one server has). Answers {@code {"server", "tool", "result"}} with
 * the {@code tools/call} result as the server sent it: a tool's own failure is a result with
 * {@code isError: true}, status 200. Each call goes to the {@link CallLog}. Calls run as the
 * caller's principal, under the access policy, as an MCP view's calls do.
 */
final class AdminCalls {
    private final Switchboard switchboard;
    private final JsonMapper mapper;
    private final CallLog callLog;

    AdminCalls(Switchboard switchboard, JsonMapper mapper, CallLog callLog) {
        this.switchboard = switchboard;
        this.mapper = mapper;
        this.callLog = callLog;
    }

    /**
     * Calls for {@code principal}: the access policy applies (a hidden server or tool is not found,
     * as a missing one is), and a {@code per-identity} server uses the principal's own sessions.
     *
     * @param user the caller's user for the call log, or {@code null} when nobody authenticated
     */
    ObjectNode call(byte[] body, Principal principal, @Nullable String user) {
        JsonNode request = parse(body);
        JsonNode arguments = arguments(request);
        String server;
        String tool;
        if (request.has("name")) {
            if (request.has("server") || request.has("tool")) {
                throw invalid("name: given with server or tool (expected: either name, or server and tool)");
            }
            String name = text(request, "name");
            ToolInfo routed = switchboard.route(principal, name).orElseThrow(() -> new NotFoundException("tool", name));
            server = routed.server();
            tool = routed.tool();
        } else {
            server = text(request, "server");
            tool = text(request, "tool");
        }
        CallLog.Call call = callLog.start(server, tool, user);
        JsonNode result;
        try {
            result = switchboard.callTool(principal, server, tool, arguments);
            call.finish(result);
        } catch (RuntimeException e) {
            call.failed(e);
            throw e;
        }
        ObjectNode reply = AdminJson.object();
        reply.put("server", server);
        reply.put("tool", tool);
        reply.set("result", result);
        return reply;
    }

    private JsonNode parse(byte[] body) {
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (JacksonException e) {
            throw invalid("body: not JSON (expected: a JSON object such as {\"server\": \"demo\", \"tool\": \"echo\","
                    + " \"arguments\": {}})");
        }
        if (request == null || !request.isObject()) {
            throw invalid("body: " + (request == null || request.isMissingNode() ? "empty" : request.getNodeType())
                    + " (expected: a JSON object with server and tool, or name)");
        }
        return request;
    }

    private static @Nullable JsonNode arguments(JsonNode request) {
        JsonNode arguments = request.get("arguments");
        if (arguments == null || arguments.isNull()) {
            return null;
        }
        if (!arguments.isObject()) {
            throw invalid("arguments: " + arguments.getNodeType() + " (expected: a JSON object)");
        }
        return arguments;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            throw invalid(field + ": missing (expected: a string; give server and tool, or name)");
        }
        if (!value.isString() || value.asString().isBlank()) {
            throw invalid(field + ": " + value + " (expected: a non-blank string)");
        }
        return value.asString();
    }

    private static ApiException invalid(String message) {
        return ApiException.of(ErrorCode.INVALID_REQUEST, message);
    }
}
