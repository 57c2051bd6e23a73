package dev.switchboard.server.admin;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.ReloadResult;
import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.ToolInfo;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.core.lifecycle.ServerHealth;
import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.core.pool.PoolStats;
import dev.switchboard.core.resilience.BreakerStatus;
import dev.switchboard.server.http.ApiError;
import dev.switchboard.server.http.ApiErrors;
import dev.switchboard.server.http.ErrorCode;
import dev.switchboard.server.http.GatewayRequests;
import dev.switchboard.server.http.JsonReplies;
import dev.switchboard.server.http.RequestBodies;
import dev.switchboard.server.ops.CallLog;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin REST API under {@code /api/}: JSON in and out, errors as {@link ApiError}. Mount it on
 * {@code /api/*} with {@link dev.switchboard.server.http.Access#ADMIN}; everything goes through
 * the {@link Switchboard} facade. Tool listings and calls are the caller's: the access policy
 * filters {@code /api/tools} and {@code /api/servers/{name}/tools} and guards {@code /api/call}, and
 * a {@code per-identity} server's calls use the caller's own sessions. Blocks the request's
 * (virtual) thread while the engine works. Thread-safe.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>GET /api/servers</td><td>every server and its state</td></tr>
 *   <tr><td>GET /api/servers/{name}</td><td>one server with its whole status</td></tr>
 *   <tr><td>GET /api/servers/{name}/tools</td><td>the tools of one server (connecting a lazy one)</td></tr>
 *   <tr><td>POST /api/servers/{name}/reconnect</td><td>reconnect the server's shared connection</td></tr>
 *   <tr><td>GET /api/tools</td><td>every tool</td></tr>
 *   <tr><td>GET /api/health</td><td>ping every connected server</td></tr>
 *   <tr><td>POST /api/call</td><td>call a tool</td></tr>
 *   <tr><td>GET /api/circuit-breakers</td><td>every breaker</td></tr>
 *   <tr><td>POST /api/circuit-breakers/{name}/reset</td><td>close a breaker</td></tr>
 *   <tr><td>POST /api/reload</td><td>reload the configuration file</td></tr>
 *   <tr><td>GET /api/pool</td><td>the session pools of per-identity servers</td></tr>
 * </table>
 */
public final class AdminApi extends Handler.Abstract {
    private static final String PREFIX = "/api/";

    private final Switchboard switchboard;
    private final JsonReplies replies;
    private final AdminCalls calls;
    private final Supplier<ReloadResult> reload;
    private final int maxBodyBytes;

    /**
     * An admin API over {@code switchboard}.
     *
     * @param switchboard the engine
     * @param mapper parses request bodies
     * @param replies writes answers
     * @param callLog records {@code POST /api/call}
     * @param reload reloads the configuration file and logs the result (what {@code POST /api/reload} does)
     * @param maxBodyBytes the largest request body accepted; larger gets 413
     */
    public AdminApi(
            Switchboard switchboard,
            JsonMapper mapper,
            JsonReplies replies,
            CallLog callLog,
            Supplier<ReloadResult> reload,
            int maxBodyBytes) {
        super(InvocationType.BLOCKING);
        this.switchboard = Objects.requireNonNull(switchboard, "switchboard");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.calls = new AdminCalls(switchboard, mapper, callLog);
        this.reload = Objects.requireNonNull(reload, "reload");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            Reply reply = dispatch(request, path);
            replies.json(response, callback, reply.status(), reply.body());
        } catch (ApiException e) {
            ObjectNode details = e.error().details();
            if (details != null && details.has("allow")) {
                response.getHeaders().put(HttpHeader.ALLOW, details.get("allow").asString());
            }
            replies.error(response, callback, e.error());
        } catch (RequestBodies.TooLargeException e) {
            replies.error(response, callback, e.error());
        } catch (IOException e) {
            replies.error(
                    response,
                    callback,
                    ApiError.of(
                            ErrorCode.INVALID_REQUEST,
                            "body: " + e.getMessage() + " (expected: a complete request body)"));
        } catch (RuntimeException e) {
            replies.error(response, callback, ApiErrors.of(e));
        }
        return true;
    }

    private record Reply(int status, JsonNode body) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }
    }

    private Reply dispatch(Request request, String path) throws IOException {
        List<String> s = path.startsWith(PREFIX) ? segments(path.substring(PREFIX.length())) : List.of();
        String method = request.getMethod();
        return switch (s.size()) {
            case 1 ->
                switch (s.get(0)) {
                    case "servers" -> get(method, this::servers);
                    case "tools" ->
                        get(method, () -> wrap("tools", AdminJson.tools(switchboard.tools(principal(request)))));
                    case "health" -> get(method, this::health);
                    case "circuit-breakers" -> get(method, this::breakers);
                    case "pool" -> get(method, this::pool);
                    case "call" -> call(request, method);
                    case "reload" -> post(method, this::reload);
                    default -> throw notFound(path);
                };
            case 2 -> {
                if (!s.get(0).equals("servers")) {
                    throw notFound(path);
                }
                yield get(method, () -> AdminJson.serverDetail(server(s.get(1))));
            }
            case 3 -> three(request, method, path, s);
            default -> throw notFound(path);
        };
    }

    private Reply three(Request request, String method, String path, List<String> s) {
        String name = s.get(1);
        return switch (s.get(0) + "/" + s.get(2)) {
            case "servers/tools" -> get(method, () -> serverTools(name, principal(request)));
            case "servers/reconnect" ->
                post(method, () -> {
                    server(name);
                    ObjectNode node = AdminJson.object();
                    node.put("server", name);
                    node.set("status", AdminJson.status(switchboard.reconnect(name)));
                    return Reply.ok(node);
                });
            case "circuit-breakers/reset" ->
                post(method, () -> {
                    server(name);
                    ObjectNode node = AdminJson.object();
                    node.put("server", name);
                    node.put("reset", switchboard.resetBreaker(name));
                    return Reply.ok(node);
                });
            default -> throw notFound(path);
        };
    }

    private ServerInfo server(String name) {
        return switchboard.server(name).orElseThrow(() -> new NotFoundException("server", name));
    }

    private JsonNode servers() {
        ArrayNode array = AdminJson.array();
        for (ServerInfo info : switchboard.servers()) {
            array.add(AdminJson.server(info));
        }
        return wrap("servers", array);
    }

    /**
     * The tools of one server; a server never used yet (or still connecting) is connected first,
     * within its own connect and initialize timeouts, so that a lazy server's tools show.
     */
    private JsonNode serverTools(String name, Principal principal) {
        ServerInfo info = server(name);
        if (info.state() == ServerState.IDLE || info.state() == ServerState.CONNECTING) {
            info = switchboard.connect(name, connectBudget(name));
        }
        List<ToolInfo> tools = switchboard.tools(principal).stream()
                .filter(t -> t.server().equals(name))
                .toList();
        ObjectNode node = AdminJson.object();
        node.put("server", name);
        node.put("state", AdminJson.lower(info.state()));
        node.set("tools", AdminJson.tools(tools));
        return node;
    }

    private Duration connectBudget(String name) {
        ServerConfig config = switchboard.config().servers().get(name);
        if (config == null) {
            throw new NotFoundException("server", name);
        }
        Timeouts t = config.settings().timeouts();
        return t.connect().plus(t.initialize());
    }

    private JsonNode health() {
        List<ServerHealth> all = switchboard.health();
        ArrayNode array = AdminJson.array();
        all.forEach(h -> array.add(AdminJson.health(h)));
        ObjectNode node = AdminJson.object();
        node.put("healthy", all.stream().allMatch(ServerHealth::healthy));
        node.set("servers", array);
        return node;
    }

    private JsonNode breakers() {
        ArrayNode array = AdminJson.array();
        for (BreakerStatus b : switchboard.breakers()) {
            array.add(AdminJson.breaker(b));
        }
        return wrap("breakers", array);
    }

    private JsonNode pool() {
        ObjectNode servers = AdminJson.object();
        for (Map.Entry<String, PoolStats> e : switchboard.poolStats().entrySet()) {
            servers.set(e.getKey(), AdminJson.pool(e.getValue()));
        }
        return wrap("servers", servers);
    }

    private Reply reload() {
        ReloadResult result = reload.get();
        if (result.applied()) {
            return Reply.ok(AdminJson.reload(result));
        }
        int n = result.errors().size();
        throw new ApiException(ApiError.of(
                        ErrorCode.RELOAD_INVALID,
                        "reload rejected: " + n + (n == 1 ? " problem" : " problems")
                                + "; the configuration in effect is unchanged")
                .with("errors", AdminJson.configErrors(result.errors())));
    }

    private Reply call(Request request, String method) throws IOException {
        if (!method.equals("POST")) {
            throw notAllowed(method, "POST");
        }
        byte[] body = RequestBodies.read(request, maxBodyBytes);
        return Reply.ok(calls.call(body, principal(request), GatewayRequests.user(request)));
    }

    private static Principal principal(Request request) {
        return GatewayRequests.principal(request);
    }

    private static Reply get(String method, Supplier<JsonNode> action) {
        if (!method.equals("GET")) {
            throw notAllowed(method, "GET");
        }
        return Reply.ok(action.get());
    }

    private static Reply post(String method, Supplier<Reply> action) {
        if (!method.equals("POST")) {
            throw notAllowed(method, "POST");
        }
        return action.get();
    }

    private static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode node = AdminJson.object();
        node.set(field, value);
        return node;
    }

    private static List<String> segments(String rest) {
        if (rest.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(rest.split("/", -1));
    }

    private static ApiException notFound(String path) {
        return ApiException.of(ErrorCode.NOT_FOUND, "path: " + path + " (expected: one of the admin API's routes)");
    }

    private static ApiException notAllowed(String method, String allowed) {
        return new ApiException(
                ApiError.of(ErrorCode.METHOD_NOT_ALLOWED, "method: " + method + " (expected: " + allowed + ")")
                        .with("allow", allowed));
    }
}
