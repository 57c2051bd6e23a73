package dev.switchboard.server.admin;

import dev.switchboard.core.Switchboard;
import dev.switchboard.server.http.ApiError;
import dev.switchboard.server.http.ErrorCode;
import dev.switchboard.server.http.JsonReplies;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics}: every meter of the registry in the Prometheus text format (version 0.0.4).
 * Mount with {@link dev.switchboard.server.http.Access#AUTHENTICATED}: scrapers send a key like
 * any other client when auth is on.
 */
public final class MetricsHandler extends Handler.Abstract {
    /** The path. */
    public static final String PATH = "/metrics";

    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final ServerGauges servers;
    private final JsonReplies replies;

    /**
     * A handler scraping {@code registry}, where it also registers per-server gauges read from
     * {@code switchboard} at each scrape (state, processes, tools, consecutive failures).
     */
    public MetricsHandler(PrometheusMeterRegistry registry, Switchboard switchboard, JsonReplies replies) {
        super(InvocationType.BLOCKING);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.servers = new ServerGauges(switchboard, registry);
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!request.getMethod().equals("GET")) {
            replies.error(
                    response,
                    callback,
                    ApiError.of(ErrorCode.METHOD_NOT_ALLOWED, "method: " + request.getMethod() + " (expected: GET)"));
            return true;
        }
        servers.refresh();
        replies.text(response, callback, 200, CONTENT_TYPE, registry.scrape());
        return true;
    }
}
