package dev.switchboard.server.mcp;

import dev.switchboard.core.ServerIdentity;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.catalog.CatalogChange;
import dev.switchboard.core.catalog.Kind;
import dev.switchboard.core.config.SessionMode;
import dev.switchboard.core.policy.Policy;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.protocol.LogLevel;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import dev.switchboard.mcp.session.McpSession;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One upstream session of a view: answers the client's requests for its principal, relays what
 * the servers send back, and holds what belongs to the session (its downstream sessions, its
 * subscriptions, its log level, its listing snapshots). Closing the upstream session closes its
 * downstream sessions (a {@code per-session} server's process stops). Thread-safe.
 */
final class ViewSession implements IncomingHandler {
    private static final Logger log = LoggerFactory.getLogger(ViewSession.class);

    private final ViewContext context;
    private final McpSession upstream;
    private final Principal principal;
    private final View view;
    private final Downstreams downstreams;
    private final Pages pages;
    private final Map<IncomingRequest, String> callsInFlight = new ConcurrentHashMap<>();
    private volatile JsonNode clientCapabilities;
    private final ClientLog clientLog;
    private volatile boolean initialized;
    private volatile Set<Availability.Unavailable> reported = Set.of();

    ViewSession(ViewContext context, McpSession upstream, Principal principal, View view) {
        this.context = context;
        this.upstream = upstream;
        this.principal = principal;
        this.view = view;
        this.downstreams = new Downstreams(this);
        this.pages = new Pages(context.codec(), context.settings().pageSize());
        this.clientLog = new ClientLog(this);
        this.clientCapabilities = context.codec().object();
    }

    ViewContext context() {
        return context;
    }

    Switchboard switchboard() {
        return context.switchboard();
    }

    McpSession upstream() {
        return upstream;
    }

    Principal principal() {
        return principal;
    }

    Scope scope() {
        return view.scope();
    }

    Downstreams downstreams() {
        return downstreams;
    }

    Pages pages() {
        return pages;
    }

    /** What the client hears of logging, at the level it chose. */
    ClientLog log() {
        return clientLog;
    }

    /** Whether the client declared {@code capability} ({@code sampling}, {@code roots}, ...) at initialize. */
    boolean clientDeclared(String capability) {
        return clientCapabilities.has(capability);
    }

    /** The client capabilities a {@code per-session} server's own connection declares: the client's. */
    ObjectNode downstreamCapabilities() {
        ObjectNode caps = context.codec().object();
        for (String name : new String[] {"sampling", "elicitation", "roots"}) {
            JsonNode declared = clientCapabilities.get(name);
            if (declared != null) {
                caps.set(name, declared.deepCopy());
            }
        }
        return caps;
    }

    /** Whether {@code server} is a {@code per-session} server: this session owns its connection. */
    boolean owns(String server) {
        return switchboard()
                .server(server)
                .map(s -> s.sessionMode() == SessionMode.PER_SESSION)
                .orElse(false);
    }

    /** Whether this session may see {@code server}: the view serves it and the policy allows it. */
    boolean sees(String server) {
        return view.scope().covers(server) && switchboard().policy().allowsServer(principal, server);
    }

    @Override
    public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
        try {
            return switch (request.method()) {
                case McpMethods.INITIALIZE -> done(initialize(request.paramsObject()));
                case McpMethods.TOOLS_LIST -> done(view.tools().list(this, request));
                case McpMethods.TOOLS_CALL -> view.tools().call(this, request);
                case McpMethods.LOGGING_SET_LEVEL -> done(setLevel(request));
                default -> catalogRequest(request);
            };
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Every request the views answer: none waits for the client (what a server asks the client
     * during a call goes through {@link ClientAsks}, on the downstream's threads). A relayed call
     * returns once it is sent, a listing once it is read from the catalog; either may wait, bounded,
     * for a server that is still connecting.
     */
    @Override
    public boolean handlesOnDeliveringThread(IncomingRequest request) {
        return true;
    }

    private CompletionStage<JsonNode> catalogRequest(IncomingRequest request) {
        if (!view.tools().relaysCatalog()) {
            throw methodNotFound(request.method());
        }
        return switch (request.method()) {
            case McpMethods.RESOURCES_LIST -> done(Listings.resources(this, request, false));
            case McpMethods.RESOURCES_TEMPLATES_LIST -> done(Listings.resources(this, request, true));
            case McpMethods.PROMPTS_LIST -> done(Listings.prompts(this, request));
            case McpMethods.RESOURCES_READ -> Relay.readResource(this, request);
            case McpMethods.PROMPTS_GET -> Relay.getPrompt(this, request);
            case McpMethods.COMPLETION_COMPLETE -> Relay.complete(this, request);
            case McpMethods.RESOURCES_SUBSCRIBE -> context.hub().subscriptions().subscribe(this, request);
            case McpMethods.RESOURCES_UNSUBSCRIBE ->
                context.hub().subscriptions().unsubscribe(this, request);
            default -> throw methodNotFound(request.method());
        };
    }

    private static JsonRpcException methodNotFound(String method) {
        return new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + method);
    }

    private static CompletionStage<JsonNode> done(JsonNode result) {
        return CompletableFuture.completedFuture(result);
    }

    /**
     * What the one server of a pass-through view said of itself, connecting it first (bounded) when
     * it was never connected; {@code null} when it is not connected, and the view speaks for itself.
     */
    private @Nullable ServerIdentity ownIdentity(String server) {
        Switchboard switchboard = context.switchboard();
        try {
            if (switchboard.server(server).filter(Availability::firstConnection).isPresent()) {
                switchboard.connect(server, context.settings().connectWait());
            }
            return switchboard.identity(server).orElse(null);
        } catch (RuntimeException e) {
            // removed meanwhile: the view's own identity answers, and the next request gets the error
            return null;
        }
    }

    /**
     * The view's capabilities, less what the server does not offer: a kind it did not declare, and
     * resource subscriptions when it has none.
     */
    static ObjectNode passedThrough(ObjectNode ours, JsonNode theirs) {
        ObjectNode caps = ours.deepCopy();
        for (String kind : List.of("tools", "resources", "prompts", "completions", "logging")) {
            if (!theirs.has(kind)) {
                caps.remove(kind);
            }
        }
        if (caps.get("resources") instanceof ObjectNode resources
                && !theirs.path("resources").path("subscribe").asBoolean(false)) {
            resources.remove("subscribe");
        }
        return caps;
    }

    private ObjectNode initialize(ObjectNode params) {
        ProtocolVersion version = ProtocolVersion.negotiate(
                params.path("protocolVersion").asString(null), EnumSet.allOf(ProtocolVersion.class));
        JsonNode caps = params.get("capabilities");
        clientCapabilities = caps instanceof ObjectNode o ? o : context.codec().object();
        ObjectNode result = context.codec().object();
        result.put("protocolVersion", version.wire());
        result.set("capabilities", view.tools().capabilities(context.codec()));
        ServerIdentity own = view.scope() instanceof Scope.Single single ? ownIdentity(single.server()) : null;
        if (own != null) {
            result.set("capabilities", passedThrough((ObjectNode) result.get("capabilities"), own.capabilities()));
            result.set("serverInfo", own.serverInfo().deepCopy());
            if (own.instructions() != null) {
                result.put("instructions", own.instructions());
            }
            return result;
        }
        ObjectNode info = result.putObject("serverInfo");
        String label = view.scope().label();
        info.put("name", view.tools() instanceof MetaTools ? "switchboard-meta" : "switchboard-" + label);
        info.put("version", version());
        result.put("instructions", view.tools().instructions());
        return result;
    }

    private ObjectNode setLevel(IncomingRequest request) {
        clientLog.level(request.paramsObject().get("level"));
        Relay.forwardLevel(this, request);
        return context.codec().object();
    }

    @Override
    public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
        if (McpMethods.INITIALIZED.equals(notification.method())) {
            initialized = true;
        } else if (McpMethods.ROOTS_LIST_CHANGED.equals(notification.method())) {
            Relay.forwardRootsChanged(this);
        }
    }

    @Override
    public void onClose(@Nullable Throwable cause) {
        context.hub().remove(this);
        try {
            // closing a per-session server's connection stops a process: not on the transport's thread
            context.executor().execute(downstreams::close);
        } catch (RejectedExecutionException e) {
            downstreams.close();
        }
    }

    /** Counts an upstream call in flight to {@code server}, until {@code result} completes. */
    void track(IncomingRequest call, String server, CompletableFuture<?> result) {
        callsInFlight.put(call, server);
        result.whenComplete((v, e) -> callsInFlight.remove(call));
    }

    /** The upstream call in flight to {@code server} when there is exactly one, else {@code null}. */
    @Nullable
    IncomingRequest soleCallTo(String server) {
        IncomingRequest found = null;
        for (Map.Entry<IncomingRequest, String> e : callsInFlight.entrySet()) {
            if (e.getValue().equals(server)) {
                if (found != null) {
                    return null;
                }
                found = e.getKey();
            }
        }
        return found;
    }

    /**
     * The availability of this session's servers; tells the client with a warning when the set of
     * unavailable servers changed since it was last told.
     */
    Availability availability() {
        Availability now = Availability.of(
                switchboard(), view.scope(), principal, context.settings().connectWait());
        Set<Availability.Unavailable> current = Set.copyOf(now.unavailable());
        if (!current.equals(reported)) {
            reported = current;
            if (!current.isEmpty()) {
                ObjectNode data = context.codec().object();
                data.put("message", "Left out of the listing, unavailable now: " + now.describeUnavailable());
                data.set("unavailable", now.unavailableJson());
                clientLog.send(LogLevel.WARNING, "switchboard", data, null);
            }
        }
        return now;
    }

    /** Sends a notification to the client; with {@code call}'s stream when given. Never throws. */
    void notifyClient(String method, @Nullable JsonNode params, @Nullable IncomingRequest call) {
        try {
            if (call != null) {
                call.notify(method, params);
            } else {
                upstream.notify(method, params);
            }
        } catch (RuntimeException e) {
            log.debug("view session {}: could not send {}: {}", upstream.name(), method, e.toString());
        }
    }

    /** Tells the client which lists changed, for what it may see. */
    void catalogChanged(CatalogChange change) {
        if (!initialized || !view.tools().relaysCatalog()) {
            return;
        }
        Policy policy = switchboard().policy();
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        change.changed().forEach((server, changed) -> {
            if (view.scope().covers(server) && policy.allowsServer(principal, server)) {
                kinds.addAll(changed);
            }
        });
        if (kinds.contains(Kind.TOOLS)) {
            notifyClient(McpMethods.TOOLS_LIST_CHANGED, null, null);
        }
        if (kinds.contains(Kind.RESOURCES) || kinds.contains(Kind.RESOURCE_TEMPLATES)) {
            notifyClient(McpMethods.RESOURCES_LIST_CHANGED, null, null);
        }
        if (kinds.contains(Kind.PROMPTS)) {
            notifyClient(McpMethods.PROMPTS_LIST_CHANGED, null, null);
        }
    }

    /** After a reload changed the access policy, or a server went down or came back: every list may differ now. */
    void listsChanged() {
        if (!initialized || !view.tools().relaysCatalog()) {
            return;
        }
        notifyClient(McpMethods.TOOLS_LIST_CHANGED, null, null);
        notifyClient(McpMethods.RESOURCES_LIST_CHANGED, null, null);
        notifyClient(McpMethods.PROMPTS_LIST_CHANGED, null, null);
    }

    private static String version() {
        String v = ViewSession.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    @Override
    public String toString() {
        return "ViewSession[" + view.scope().label() + ", " + upstream.name() + ", " + principal.id() + "]";
    }
}
