package dev.switchboard.mcp.server;

import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.protocol.ProtocolVersion;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.McpSession;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simple MCP server: answers {@code initialize} (negotiating the revision), dispatches every
 * other request by method name to a {@link MethodHandler}, and tells a listener about
 * notifications. Serve it with any server transport, which calls {@link #open} for each client
 * session. Immutable once built; thread-safe.
 */
public final class McpServer implements ServerSessionFactory {
    private final String name;
    private final String version;
    private final @Nullable String instructions;
    private final ObjectNode capabilities;
    private final Set<ProtocolVersion> supportedVersions;
    private final Map<String, MethodHandler> handlers;
    private final NotificationListener notificationListener;
    private final Consumer<ServerSession> openListener;
    private final Consumer<ServerSession> closeListener;

    private McpServer(Builder b) {
        this.name = b.name;
        this.version = b.version;
        this.instructions = b.instructions;
        this.capabilities = b.capabilities.deepCopy();
        this.supportedVersions = Set.copyOf(b.supportedVersions);
        this.handlers = Map.copyOf(b.handlers);
        this.notificationListener = b.notificationListener;
        this.openListener = b.openListener;
        this.closeListener = b.closeListener;
    }

    /** A builder for a server with this {@code serverInfo}. */
    public static Builder builder(String name, String version) {
        return new Builder(name, version);
    }

    @Override
    public IncomingHandler open(McpSession session) {
        ServerSession serverSession = new ServerSession(this, session);
        openListener.accept(serverSession);
        return serverSession;
    }

    /** The {@code serverInfo.name}. */
    public String name() {
        return name;
    }

    /** The {@code serverInfo.version}. */
    public String version() {
        return version;
    }

    /** The instructions sent at initialize, or {@code null}. */
    public @Nullable String instructions() {
        return instructions;
    }

    /** The capabilities declared at initialize (a copy). */
    public ObjectNode capabilities() {
        return capabilities.deepCopy();
    }

    /** The revisions this server accepts. */
    public Set<ProtocolVersion> supportedVersions() {
        return supportedVersions;
    }

    @Nullable
    MethodHandler handler(String method) {
        return handlers.get(method);
    }

    NotificationListener notificationListener() {
        return notificationListener;
    }

    Consumer<ServerSession> closeListener() {
        return closeListener;
    }

    /** Receives the notifications clients send. Called on a transport thread: must not block. */
    @FunctionalInterface
    public interface NotificationListener {
        /** A client sent a notification. */
        void onNotification(ServerSession session, JsonRpcNotification notification);
    }

    /** Builds an {@link McpServer}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final String version;
        private @Nullable String instructions;
        private final ObjectNode capabilities = JsonNodeFactory.instance.objectNode();
        private final Set<ProtocolVersion> supportedVersions = EnumSet.allOf(ProtocolVersion.class);
        private final Map<String, MethodHandler> handlers = new HashMap<>();
        private NotificationListener notificationListener = (s, n) -> {};
        private Consumer<ServerSession> openListener = s -> {};
        private Consumer<ServerSession> closeListener = s -> {};

        private Builder(String name, String version) {
            this.name = Objects.requireNonNull(name, "name");
            this.version = Objects.requireNonNull(version, "version");
        }

        /** The instructions sent at initialize. */
        public Builder instructions(String text) {
            this.instructions = Objects.requireNonNull(text, "text");
            return this;
        }

        /** Declares a capability, such as {@code tools} with {@code {"listChanged": true}}. */
        public Builder capability(String capability, JsonNode settings) {
            capabilities.set(capability, settings);
            return this;
        }

        /** Restricts the revisions accepted; the newest one is chosen when a client asks for another. */
        public Builder supportedVersions(Set<ProtocolVersion> versions) {
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("supportedVersions: [] (expected: at least one)");
            }
            supportedVersions.clear();
            supportedVersions.addAll(versions);
            return this;
        }

        /**
         * Handles {@code method}.
         *
         * @throws IllegalArgumentException when {@code method} already has a handler, or is {@code
         *     initialize} or {@code ping}, which the server answers itself
         */
        public Builder handle(String method, MethodHandler handler) {
            if (method.equals("initialize") || method.equals("ping")) {
                throw new IllegalArgumentException("method: " + method + " (expected: not initialize or ping)");
            }
            if (handlers.putIfAbsent(method, Objects.requireNonNull(handler, "handler")) != null) {
                throw new IllegalArgumentException("method: " + method + " (expected: one handler, was already set)");
            }
            return this;
        }

        /** Receives the notifications clients send. */
        public Builder onNotification(NotificationListener listener) {
            this.notificationListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Called when a client session opens (before initialize). */
        public Builder onSessionOpen(Consumer<ServerSession> listener) {
            this.openListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Called when a client session closes. */
        public Builder onSessionClose(Consumer<ServerSession> listener) {
            this.closeListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The server. */
        public McpServer build() {
            return new McpServer(this);
        }
    }
}
