package dev.switchboard.core.catalog;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one server offers: its tools, resources, resource templates and prompts, each a list of the
 * JSON objects the server sent, in the server's order, under the server's own names. Also which
 * listings failed (and why) and which stopped at the page cap with pages left.
 *
 * <p>Immutable and thread-safe. The JSON objects are shared, not copied, on every read: treat them
 * as read-only. {@link #of} and {@link #with} copy what they are given; {@link #fetch} keeps what
 * the server sent, which nothing else holds.
 *
 * <p>Items that are not objects with a non-empty string key ({@code name} for tools and prompts,
 * {@code uri} for resources, {@code uriTemplate} for templates) are dropped, with a warning in the
 * log.
 */
public final class ServerCatalog {
    private static final Logger log = LoggerFactory.getLogger(ServerCatalog.class);

    private final String server;
    private final Map<Kind, List<ObjectNode>> items;
    private final Map<Kind, String> failures;
    private final Set<Kind> truncated;

    private ServerCatalog(
            String server, Map<Kind, List<ObjectNode>> items, Map<Kind, String> failures, Set<Kind> truncated) {
        this.server = server;
        this.items = items;
        this.failures = failures;
        this.truncated = truncated;
    }

    /** A catalog of {@code server} offering nothing. */
    public static ServerCatalog empty(String server) {
        Objects.requireNonNull(server, "server");
        Map<Kind, List<ObjectNode>> none = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            none.put(kind, List.of());
        }
        return new ServerCatalog(server, Collections.unmodifiableMap(none), Map.of(), Set.of());
    }

    /**
     * A catalog of {@code server} with these items (deep copies; invalid items dropped).
     *
     * @throws NullPointerException when an argument is null
     */
    public static ServerCatalog of(
            String server,
            List<? extends JsonNode> tools,
            List<? extends JsonNode> resources,
            List<? extends JsonNode> resourceTemplates,
            List<? extends JsonNode> prompts) {
        return empty(server)
                .with(Kind.TOOLS, tools)
                .with(Kind.RESOURCES, resources)
                .with(Kind.RESOURCE_TEMPLATES, resourceTemplates)
                .with(Kind.PROMPTS, prompts);
    }

    /**
     * Lists what {@code client}'s server offers: each kind its capabilities declare ({@code tools},
     * {@code resources} for resources and templates, {@code prompts}), every page up to {@code
     * pageCap} pages per kind. A kind not declared, or answered with "method not found", is empty.
     * A failed listing of resources, templates or prompts is recorded in {@link #failures()} and
     * the rest kept. Each request is bounded by the session's default timeout. Blocks; call it on a
     * thread that may block (a virtual thread), never on a transport thread.
     *
     * @param server the server's name in the configuration
     * @param pageCap the most pages read per kind; at least 1 ({@link McpClient#DEFAULT_PAGE_CAP} is
     *     the usual choice); a kind with pages left is listed in {@link #truncated()}
     * @throws CatalogFetchException when {@code tools/list} fails with anything but "method not
     *     found" (an error answer, a timeout, a broken connection)
     * @throws IllegalArgumentException when {@code pageCap} is below 1
     */
    public static ServerCatalog fetch(String server, McpClient client, int pageCap) {
        return fetch(server, client, pageCap, null);
    }

    /**
     * As {@link #fetch(String, McpClient, int)}, with {@code timeout} bounding the whole fetch,
     * every kind and every page together; a listing that runs out of time fails like any other
     * (for {@code tools/list}: {@link CatalogFetchException}).
     *
     * @param timeout positive, or null for the session's default timeout per request
     * @throws IllegalArgumentException when {@code pageCap} is below 1 or {@code timeout} not positive
     */
    public static ServerCatalog fetch(String server, McpClient client, int pageCap, @Nullable Duration timeout) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(client, "client");
        checkPageCap(pageCap);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: a positive duration)");
        }
        Lister lister = new Lister(client, timeout);
        ServerCatalog catalog = empty(server);
        for (Kind kind : Kind.values()) {
            Fetched fetched = fetchKind(server, client, lister, kind, pageCap);
            if (kind == Kind.TOOLS && fetched.error() != null) {
                throw new CatalogFetchException(server, kind.method(), fetched.error());
            }
            catalog = catalog.apply(fetched);
        }
        return catalog;
    }

    /**
     * This catalog with {@code kind} listed again from {@code client} (every page up to {@code
     * pageCap}), as after a {@code list_changed} notification. A failed listing keeps the items
     * this catalog has and records the failure in {@link #failures()}; a successful one clears it.
     * Blocks, like {@link #fetch}.
     *
     * @throws IllegalArgumentException when {@code pageCap} is below 1
     */
    public ServerCatalog refresh(McpClient client, Kind kind, int pageCap) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
        checkPageCap(pageCap);
        return apply(fetchKind(server, client, new Lister(client, null), kind, pageCap));
    }

    /**
     * This catalog with the items of {@code kind} replaced by deep copies of {@code newItems}
     * (invalid items dropped), its failure and truncation for that kind cleared.
     */
    public ServerCatalog with(Kind kind, List<? extends JsonNode> newItems) {
        Objects.requireNonNull(kind, "kind");
        List<ObjectNode> valid = new ArrayList<>(newItems.size());
        int dropped = 0;
        for (JsonNode item : newItems) {
            if (item instanceof ObjectNode object
                    && object.get(kind.key()) instanceof JsonNode key
                    && key.isString()
                    && !key.asString().isEmpty()) {
                valid.add(object.deepCopy());
            } else {
                dropped++;
            }
        }
        return apply(new Fetched(kind, new Lister.Listing(valid, false, dropped), null));
    }

    /** This catalog with its tools replaced: {@code with(Kind.TOOLS, tools)}. */
    public ServerCatalog withTools(List<? extends JsonNode> tools) {
        return with(Kind.TOOLS, tools);
    }

    static void checkPageCap(int pageCap) {
        if (pageCap < 1) {
            throw new IllegalArgumentException("pageCap: " + pageCap + " (expected: >= 1)");
        }
    }

    /** The outcome of listing one kind: a listing, or the error it failed with. */
    record Fetched(
            Kind kind,
            Lister.@Nullable Listing listing,
            @Nullable RuntimeException error) {}

    /** Lists one kind; never throws for a failed request (the error is returned). */
    static Fetched fetchKind(String server, McpClient client, Lister lister, Kind kind, int pageCap) {
        if (!client.serverCapabilities().has(kind.capability())) {
            return new Fetched(kind, new Lister.Listing(List.of(), false, 0), null);
        }
        try {
            return new Fetched(kind, lister.list(kind, pageCap), null);
        } catch (JsonRpcException e) {
            if (e.error().code() == JsonRpcError.METHOD_NOT_FOUND) {
                return new Fetched(kind, new Lister.Listing(List.of(), false, 0), null);
            }
            return new Fetched(kind, null, e);
        } catch (RuntimeException e) {
            return new Fetched(kind, null, e);
        }
    }

    /** This catalog with one kind's outcome applied: new items, or the old ones and a failure. */
    ServerCatalog apply(Fetched fetched) {
        Kind kind = fetched.kind();
        Map<Kind, String> newFailures = new EnumMap<>(Kind.class);
        newFailures.putAll(failures);
        Set<Kind> newTruncated = EnumSet.noneOf(Kind.class);
        newTruncated.addAll(truncated);
        Map<Kind, List<ObjectNode>> newItems = new EnumMap<>(items);
        Lister.Listing listing = fetched.listing();
        if (listing == null) {
            RuntimeException error = Objects.requireNonNull(fetched.error());
            String message = kind.method() + " failed: " + error.getMessage();
            newFailures.put(kind, message);
            log.warn(
                    "server {}: {}; keeping the {} {} listed before",
                    server,
                    message,
                    items(kind).size(),
                    kind);
        } else {
            newFailures.remove(kind);
            newItems.put(kind, List.copyOf(listing.items()));
            if (listing.truncated()) {
                newTruncated.add(kind);
                log.warn("server {}: {} has more pages than the cap; the rest is left out", server, kind.method());
            } else {
                newTruncated.remove(kind);
            }
            if (listing.dropped() > 0) {
                log.warn(
                        "server {}: {} gave {} item(s) without a string {}; dropped",
                        server,
                        kind.method(),
                        listing.dropped(),
                        kind.key());
            }
        }
        return new ServerCatalog(
                server,
                Collections.unmodifiableMap(newItems),
                Collections.unmodifiableMap(newFailures),
                Collections.unmodifiableSet(newTruncated));
    }

    /** The server's name in the configuration. */
    public String server() {
        return server;
    }

    /** The items of {@code kind}, in the server's order; immutable, never null. */
    public List<ObjectNode> items(Kind kind) {
        return Objects.requireNonNull(items.get(kind));
    }

    /** The tools, as the server sent them, in its order. */
    public List<ObjectNode> tools() {
        return items(Kind.TOOLS);
    }

    /** The resources, as the server sent them, in its order. */
    public List<ObjectNode> resources() {
        return items(Kind.RESOURCES);
    }

    /** The resource templates, as the server sent them, in its order. */
    public List<ObjectNode> resourceTemplates() {
        return items(Kind.RESOURCE_TEMPLATES);
    }

    /** The prompts, as the server sent them, in its order. */
    public List<ObjectNode> prompts() {
        return items(Kind.PROMPTS);
    }

    /**
     * The kinds whose last listing failed, with the reason ({@code resources/list failed: ...});
     * their items are those of the listing before, or none. Immutable.
     */
    public Map<Kind, String> failures() {
        return failures;
    }

    /** The kinds whose listing stopped at the page cap with pages left unread. Immutable. */
    public Set<Kind> truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return "ServerCatalog[" + server + ": " + tools().size() + " tools, "
                + resources().size() + " resources, "
                + resourceTemplates().size() + " templates, " + prompts().size() + " prompts"
                + (failures.isEmpty() ? "" : ", failures " + failures.keySet())
                + (truncated.isEmpty() ? "" : ", truncated " + truncated) + "]";
    }
}
