package dev.switchboard.server.mcp;

import dev.switchboard.core.ServerSession;
import dev.switchboard.core.catalog.Catalog;
import dev.switchboard.core.catalog.CatalogPrompt;
import dev.switchboard.core.catalog.CatalogTool;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.RequestOptions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relays one upstream request to the server that owns what it names: the tool, prompt or resource
 * is looked up in the view (a hidden one exactly like a missing one), renamed to the server's own
 * name, and sent through the session's downstream session of that server, with the client's
 * progress token, its cancellation, and the server's requests and log messages during the call
 * routed back to it.
 */
final class Relay {
    private Relay() {}

    /**
     * Sends {@code method} to {@code server} on behalf of the upstream request {@code call}: the
     * client's progress comes back with its own token, the client's cancellation cancels the
     * downstream request, and what the server sends in relation to the request goes to {@code
     * call}'s stream. Never throws.
     */
    static CompletableFuture<JsonNode> forward(
            ViewSession session, IncomingRequest call, String server, String method, ObjectNode params) {
        RequestOptions options = RequestOptions.defaults().withRelatedHandler(new ClientAsks(session, server, call));
        JsonNode token = call.progressToken();
        if (token != null) {
            options = options.withProgress(progress -> relayProgress(call, token, progress), true);
        }
        CompletableFuture<JsonNode> result;
        try {
            result = session.downstreams().of(server).request(method, params, options);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<JsonNode> sent = result;
        session.track(call, server, sent);
        call.onCancel(() -> sent.cancel(true));
        return sent;
    }

    private static void relayProgress(IncomingRequest call, JsonNode token, ObjectNode progress) {
        ObjectNode params = progress.deepCopy();
        params.set("progressToken", token);
        call.notify(McpMethods.PROGRESS, params);
    }

    /** {@code tools/call} of the tool the view names {@code name}, with the request's params otherwise. */
    static CompletionStage<JsonNode> callTool(
            ViewSession session, IncomingRequest call, String name, ObjectNode params) {
        CatalogTool tool = lookup(session, () -> findTool(session, name));
        if (tool == null) {
            return CompletableFuture.failedFuture(Policy.unknownTool(name));
        }
        ObjectNode sent = params.deepCopy();
        sent.put("name", tool.originalName());
        CallRecorder.Recording recording =
                session.context().calls().start(tool.server(), tool.originalName(), session.principal());
        String server = tool.server();
        return forward(session, call, server, McpMethods.TOOLS_CALL, sent).handle((result, failure) -> {
            recording.finished(result, failure);
            return failure == null ? result : Errors.toolResult(session, failure, name, server);
        });
    }

    /**
     * What {@code find} finds; when it finds nothing while a server the session may see is still
     * connecting for the first time or listing, waits for that (bounded) and looks once more.
     */
    static <T> @Nullable T lookup(ViewSession session, Supplier<@Nullable T> find) {
        T found = find.get();
        return found == null && Availability.connectIdle(session) ? find.get() : found;
    }

    /** The tool the view names {@code name}, among those the principal may call, or {@code null}. */
    static @Nullable CatalogTool findTool(ViewSession session, String name) {
        Catalog catalog = session.switchboard().catalog().current();
        Policy policy = session.switchboard().policy();
        Principal principal = session.principal();
        return session.scope()
                .tool(
                        catalog,
                        name,
                        t -> policy.allowsServer(principal, t.server())
                                && policy.allowsTool(principal, t.server(), t.originalName()));
    }

    /** {@code prompts/get}. */
    static CompletionStage<JsonNode> getPrompt(ViewSession session, IncomingRequest call) {
        String name = string(call.paramsObject(), "name");
        CatalogPrompt prompt = lookup(session, () -> findPrompt(session, name));
        if (prompt == null) {
            return CompletableFuture.failedFuture(Policy.unknownPrompt(name));
        }
        ObjectNode sent = call.paramsObject().deepCopy();
        sent.put("name", prompt.originalName());
        return errorsMapped(forward(session, call, prompt.server(), McpMethods.PROMPTS_GET, sent), prompt.server());
    }

    /** {@code resources/read}. */
    static CompletionStage<JsonNode> readResource(ViewSession session, IncomingRequest call) {
        String uri = string(call.paramsObject(), "uri");
        String server = resourceOwner(session, uri);
        return errorsMapped(forward(session, call, server, McpMethods.RESOURCES_READ, call.paramsObject()), server);
    }

    /**
     * The server that {@code uri} goes to, among those the principal may see.
     *
     * @throws JsonRpcException resource not found when there is none
     */
    static String resourceOwner(ViewSession session, String uri) {
        String owner = lookup(session, () -> visibleOwner(session, uri));
        if (owner == null) {
            throw Policy.unknownResource(uri);
        }
        return owner;
    }

    private static @Nullable String visibleOwner(ViewSession session, String uri) {
        Optional<String> owner =
                session.scope().resourceOwner(session.switchboard().catalog().current(), uri);
        Policy policy = session.switchboard().policy();
        return owner.isPresent() && policy.allowsResource(session.principal(), owner.get(), uri) ? owner.get() : null;
    }

    /** The prompt the view names {@code name}, among those the principal may get, or {@code null}. */
    private static @Nullable CatalogPrompt findPrompt(ViewSession session, String name) {
        Catalog catalog = session.switchboard().catalog().current();
        Policy policy = session.switchboard().policy();
        Principal principal = session.principal();
        return session.scope()
                .prompt(
                        catalog,
                        name,
                        p -> policy.allowsServer(principal, p.server())
                                && policy.allowsPrompt(principal, p.server(), p.originalName()));
    }

    /**
     * {@code completion/complete}: to the server of the prompt ({@code ref/prompt}, renamed to its
     * own name) or of the resource ({@code ref/resource}) that {@code params.ref} names.
     */
    static CompletionStage<JsonNode> complete(ViewSession session, IncomingRequest call) {
        ObjectNode sent = call.paramsObject().deepCopy();
        if (!(sent.get("ref") instanceof ObjectNode ref)) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "ref: missing (expected: an object)");
        }
        String server;
        switch (ref.path("type").asString("")) {
            case "ref/prompt" -> {
                String name = string(ref, "name");
                CatalogPrompt prompt = lookup(session, () -> findPrompt(session, name));
                if (prompt == null) {
                    throw Policy.unknownPrompt(name);
                }
                ref.put("name", prompt.originalName());
                server = prompt.server();
            }
            case "ref/resource" -> server = resourceOwner(session, string(ref, "uri"));
            default ->
                throw new JsonRpcException(
                        JsonRpcError.INVALID_PARAMS,
                        "ref.type: " + ref.get("type") + " (expected: \"ref/prompt\" or \"ref/resource\")");
        }
        return errorsMapped(forward(session, call, server, McpMethods.COMPLETION_COMPLETE, sent), server);
    }

    /**
     * Sends the client's {@code logging/setLevel} on to the {@code per-session} servers whose
     * connection this session has open (in the background: the answer does not wait for them; one
     * opened later gets it when it opens). A shared or pooled connection is not told: its level
     * would be every caller's; the session filters its messages by its level instead.
     */
    static void forwardLevel(ViewSession session, IncomingRequest call) {
        ObjectNode params = call.paramsObject().deepCopy();
        for (String server : Availability.ready(session)) {
            ServerSession target = session.owns(server) ? session.downstreams().existing(server) : null;
            if (target == null) {
                continue;
            }
            session.context().executor().execute(() -> {
                try {
                    target.request(McpMethods.LOGGING_SET_LEVEL, params, RequestOptions.defaults());
                } catch (RuntimeException e) {
                    // the server keeps its level; the session filters by its own anyway
                }
            });
        }
    }

    /**
     * Tells the {@code per-session} servers whose connection this session has open that the client's
     * roots changed (in the background: this runs on the transport's thread). A shared or pooled
     * connection is not told: it asks the client of the call in flight, and the next call's client
     * answers with its own roots.
     */
    static void forwardRootsChanged(ViewSession session) {
        for (String server : Availability.ready(session)) {
            ServerSession target = session.owns(server) ? session.downstreams().existing(server) : null;
            if (target == null) {
                continue;
            }
            try {
                session.context()
                        .executor()
                        .execute(() -> target.notifyOwnConnection(McpMethods.ROOTS_LIST_CHANGED, null));
            } catch (RejectedExecutionException e) {
                return; // shutting down
            }
        }
    }

    private static CompletionStage<JsonNode> errorsMapped(CompletableFuture<JsonNode> result, String server) {
        return result.handle((value, failure) -> {
            if (failure != null) {
                throw Errors.rpcError(failure, server);
            }
            return value;
        });
    }

    /**
     * The string {@code field} of {@code params}.
     *
     * @throws JsonRpcException invalid params when it is missing or not a string
     */
    static String string(ObjectNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || !value.isString()) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, field + ": " + value + " (expected: a string)");
        }
        return value.asString();
    }
}
