package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.server.ServerRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo server's resources: a static text, a static binary, the {@link WatchedResource}, and the
 * template {@code test://template/{id}/data}. Answers {@code resources/list}, {@code
 * resources/templates/list}, {@code resources/read}, {@code resources/subscribe} and {@code
 * resources/unsubscribe}. Thread-safe.
 */
final class DemoResources {
    static final String STATIC_TEXT = "test://static-text";
    static final String STATIC_BINARY = "test://static-binary";
    static final String TEMPLATE = "test://template/{id}/data";

    private static final Pattern TEMPLATE_URI = Pattern.compile("test://template/([^/]+)/data");

    private final DemoSessions sessions;
    private final WatchedResource watched;
    private final int pageSize;

    DemoResources(DemoSessions sessions, WatchedResource watched, int pageSize) {
        this.sessions = sessions;
        this.watched = watched;
        this.pageSize = pageSize;
    }

    /** Answers {@code resources/list}. */
    JsonNode list(ServerRequest request) {
        List<ObjectNode> resources = List.of(
                resource(
                        "static-text",
                        "Static Text Resource",
                        STATIC_TEXT,
                        "A static text resource for testing",
                        "text/plain"),
                resource(
                        "static-binary",
                        "Static Binary Resource",
                        STATIC_BINARY,
                        "A static binary resource (image) for testing",
                        "image/png"),
                resource(
                        "watched-resource",
                        "Watched Resource",
                        WatchedResource.URI,
                        "A resource that auto-updates every 3 seconds",
                        "text/plain"));
        return Pages.page(resources, "resources", request.params(), pageSize);
    }

    /** Answers {@code resources/templates/list}. */
    JsonNode templates(ServerRequest request) {
        ObjectNode template = Json.object();
        template.put("name", "template");
        template.put("title", "Resource Template");
        template.put("uriTemplate", TEMPLATE);
        template.put("description", "A resource template with parameter substitution");
        template.put("mimeType", "application/json");
        return Pages.page(List.of(template), "resourceTemplates", request.params(), pageSize);
    }

    private static ObjectNode resource(String name, String title, String uri, String description, String mimeType) {
        ObjectNode node = Json.object();
        node.put("name", name);
        node.put("title", title);
        node.put("uri", uri);
        node.put("description", description);
        node.put("mimeType", mimeType);
        return node;
    }

    /**
     * Answers {@code resources/read}.
     *
     * @throws JsonRpcException (resource not found) for an unknown URI
     */
    JsonNode read(ServerRequest request) {
        String uri = uri(request);
        ObjectNode content = Json.object();
        content.put("uri", uri);
        Matcher template = TEMPLATE_URI.matcher(uri);
        switch (uri) {
            case STATIC_TEXT ->
                content.put("mimeType", "text/plain").put("text", "This is the content of the static text resource.");
            case STATIC_BINARY -> content.put("mimeType", "image/png").put("blob", Content.IMAGE_PNG_BASE64);
            case WatchedResource.URI -> content.put("mimeType", "text/plain").put("text", watched.text());
            default -> {
                if (!template.matches()) {
                    throw notFound(uri);
                }
                content.put("mimeType", "application/json").put("text", templateText(template.group(1)));
            }
        }
        ObjectNode result = Json.object();
        result.putArray("contents").add(content);
        return result;
    }

    private static String templateText(String id) {
        ObjectNode data = Json.object();
        data.put("id", id);
        data.put("templateTest", true);
        data.put("data", "Data for ID: " + id);
        return Json.stringify(data);
    }

    /** Answers {@code resources/subscribe} with {@code {}}. */
    JsonNode subscribe(ServerRequest request) {
        String uri = requireKnown(uri(request));
        sessions.state(request.session()).subscribe(uri);
        watched.subscribersChanged();
        return Json.object();
    }

    /** Answers {@code resources/unsubscribe} with {@code {}}; unsubscribing twice is no error. */
    JsonNode unsubscribe(ServerRequest request) {
        sessions.state(request.session()).unsubscribe(uri(request));
        watched.subscribersChanged();
        return Json.object();
    }

    /** A session closed: its subscriptions no longer count. */
    void sessionClosed() {
        watched.subscribersChanged();
    }

    private static String requireKnown(String uri) {
        boolean known = uri.equals(STATIC_TEXT)
                || uri.equals(STATIC_BINARY)
                || uri.equals(WatchedResource.URI)
                || TEMPLATE_URI.matcher(uri).matches();
        if (!known) {
            throw notFound(uri);
        }
        return uri;
    }

    private static String uri(ServerRequest request) {
        JsonNode uri = request.params().get("uri");
        if (uri == null || !uri.isString()) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "uri: " + uri + " (expected: a resource URI)");
        }
        return uri.asString();
    }

    private static JsonRpcException notFound(String uri) {
        return new JsonRpcException(JsonRpcError.RESOURCE_NOT_FOUND, "Resource not found: " + uri);
    }
}
