package dev.switchboard.server.admin;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.lifecycle.ServerState;
import dev.switchboard.server.http.ApiError;
import dev.switchboard.server.http.ErrorCode;
import dev.switchboard.server.http.JsonReplies;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The process probes, without authentication; mount on {@code /healthz} and {@code /readyz}.
 *
 * <ul>
 *   <li>{@code /healthz}: 200 {@code {"status": "up"}} while the process serves HTTP at all.
 *   <li>{@code /readyz}: 200 {@code {"status": "ready", "failing": [...]}} once the engine has
 *       started and until shutdown begins, else 503 {@code {"status": "not_ready"}}. Servers do not
 *       decide readiness (one failing server never takes the gateway out of rotation, and lazy
 *       servers are not connected until used); the ones that are failed or degraded are listed in
 *       {@code failing}, each with its state and error phase.
 * </ul>
 */
public final class ProbeHandler extends Handler.Abstract.NonBlocking {
    /** The liveness path. */
    public static final String HEALTHZ = "/healthz";
    /** The readiness path. */
    public static final String READYZ = "/readyz";

    private final Switchboard switchboard;
    private final BooleanSupplier ready;
    private final JsonReplies replies;

    /**
     * Probes of {@code switchboard}.
     *
     * @param ready whether the gateway takes traffic: started and not shutting down
     */
    public ProbeHandler(Switchboard switchboard, BooleanSupplier ready, JsonReplies replies) {
        this.switchboard = Objects.requireNonNull(switchboard, "switchboard");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            replies.error(
                    response,
                    callback,
                    ApiError.of(ErrorCode.METHOD_NOT_ALLOWED, "method: " + method + " (expected: GET)"));
            return true;
        }
        ObjectNode body = AdminJson.object();
        if (Request.getPathInContext(request).equals(HEALTHZ)) {
            body.put("status", "up");
            replies.json(response, callback, 200, body);
            return true;
        }
        boolean isReady = ready.getAsBoolean();
        body.put("status", isReady ? "ready" : "not_ready");
        ArrayNode failing = body.putArray("failing");
        if (isReady) {
            for (ServerInfo info : switchboard.servers()) {
                if (info.state() == ServerState.FAILED || info.state() == ServerState.DEGRADED) {
                    ObjectNode row = failing.addObject();
                    row.put("name", info.name());
                    row.put("state", AdminJson.lower(info.state()));
                    row.put("errorPhase", info.errorPhase() == null ? null : AdminJson.lower(info.errorPhase()));
                }
            }
        }
        replies.json(response, callback, isReady ? 200 : 503, body);
        return true;
    }
}
