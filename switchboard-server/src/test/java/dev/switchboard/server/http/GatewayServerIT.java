package dev.switchboard.server.http;

import static dev.switchboard.server.TestConfigs.ADMIN_KEY;
import static dev.switchboard.server.TestConfigs.USER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.ApiKey;
import dev.switchboard.core.config.AuthConfig;
import dev.switchboard.core.config.ListenAddress;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.server.SessionContext;
import dev.switchboard.server.TestHttp;
import dev.switchboard.server.TestHttp.Reply;
import dev.switchboard.server.auth.Authenticator;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's checks in front of routes, with handlers that echo what they were given. */
class GatewayServerIT {
    private static final int LIMIT = 1024;
    private static final AuthConfig KEYS = new AuthConfig(
            List.of(
                    new ApiKey(ADMIN_KEY, "alice", null, List.of("admin")),
                    new ApiKey(USER_KEY, "bob", "claude", List.of())),
            null);

    private final McpRuntime runtime = new McpRuntime();
    private GatewayServer server;
    private TestHttp http;

    @BeforeEach
    void start() {
        server = start(KEYS, new ListenAddress("127.0.0.1", 0));
        http = new TestHttp(server.base());
    }

    private GatewayServer start(AuthConfig auth, ListenAddress listen) {
        RouteTable routes = new RouteTable()
                .route("/mcp", Access.MCP, new Echo("mcp"))
                .route("/mcp/servers/*", Access.MCP, new Echo("servers"))
                .route("/api/*", Access.ADMIN, new Echo("admin"))
                .route("/healthz", Access.PUBLIC, new Echo("health"));
        GatewayServer s = new GatewayServer(
                GatewayServerOptions.defaults().withListen(listen).withMaxRequestBodyBytes(LIMIT),
                routes,
                Authenticator.create(auth, runtime.httpClient()),
                runtime.codec());
        s.start();
        return s;
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
        runtime.close();
    }

    @Test
    void givesHandlersThePrincipalAsRequestAttributeAndSessionOwner() {
        Reply reply = http.get("/mcp", USER_KEY);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("mcp principal=bob owner=bob");
    }

    @Test
    void routesPrefixesToTheirHandler() {
        assertThat(http.get("/mcp/servers/demo", USER_KEY).body()).startsWith("servers ");
        assertThat(http.get("/api/anything/below", ADMIN_KEY).body()).startsWith("admin ");
    }

    @Test
    void answersUnknownPathsWith404Json() {
        Reply reply = http.get("/nothing", ADMIN_KEY);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/error/code").asString()).isEqualTo("not_found");
    }

    @Test
    void refusesMcpRequestsWithoutCredentialsAsJsonRpcErrorWithAChallenge() {
        Reply reply = http.get("/mcp", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer realm=\"switchboard\"");
        assertThat(reply.json().get("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(JsonReplies.TRANSPORT_ERROR);
    }

    @Test
    void refusesAForbiddenOriginOnMcpRoutesAndAcceptsALoopbackOne() {
        Reply evil = http.send(http.request("/mcp", USER_KEY)
                .header("Origin", "http://evil.example")
                .GET()
                .build());
        Reply local = http.send(http.request("/mcp", USER_KEY)
                .header("Origin", "http://localhost:6274")
                .GET()
                .build());

        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.json().at("/error/message").asString()).contains("Origin: http://evil.example");
        assertThat(local.status()).isEqualTo(200);
    }

    @Test
    void answersOversizedBodiesWith413OnEveryKindOfRoute() {
        String big = "x".repeat(LIMIT + 1);

        Reply mcp = http.post("/mcp", USER_KEY, big);
        Reply admin = http.post("/api/call", ADMIN_KEY, big);

        assertThat(mcp.status()).isEqualTo(413);
        assertThat(mcp.json().at("/error/message").asString()).contains("at most " + LIMIT + " bytes");
        assertThat(admin.status()).isEqualTo(413);
        assertThat(admin.json().at("/error/code").asString()).isEqualTo("payload_too_large");
    }

    @Test
    void readsBodiesUpToTheLimit() {
        Reply reply = http.send(http.request("/mcp", USER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("y".repeat(LIMIT)))
                .build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).endsWith("body=" + LIMIT);
    }

    @Test
    void servesPublicRoutesWithoutCredentials() {
        assertThat(http.get("/healthz", null).body()).isEqualTo("health principal=anonymous owner=-");
    }

    @Test
    void swapsTheAuthenticatorWhileRunning() {
        server.authenticator(Authenticator.create(
                new AuthConfig(List.of(new ApiKey("rotated-key-0123456789ab", "carol", null, List.of())), null),
                runtime.httpClient()));

        assertThat(http.get("/mcp", USER_KEY).status()).isEqualTo(401);
        assertThat(http.get("/mcp", "rotated-key-0123456789ab").body()).contains("principal=carol");
    }

    @Test
    void refusesAPublicAddressWithoutAuth() {
        assertThatThrownBy(() -> start(AuthConfig.NONE, new ListenAddress("0.0.0.0", 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("listen: \"0.0.0.0:0\" (expected: a loopback address such as \"127.0.0.1:0\" while no"
                        + " authentication is configured; to listen on 0.0.0.0, set gateway.auth.apiKeys or"
                        + " gateway.auth.jwt in the config)");
    }

    @Test
    void refusesToTurnAuthOffWhileListeningOnAPublicAddress() {
        // never started: the check needs only the configured address
        GatewayServer open = new GatewayServer(
                GatewayServerOptions.defaults().withListen(new ListenAddress("0.0.0.0", 0)),
                new RouteTable(),
                Authenticator.create(KEYS, runtime.httpClient()),
                runtime.codec());

        assertThatThrownBy(() -> open.authenticator(Authenticator.create(AuthConfig.NONE, runtime.httpClient())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("listen: \"0.0.0.0:0\"");
    }

    /** Answers {@code NAME principal=USER owner=USER body=BYTES}. */
    private static final class Echo extends Handler.Abstract {
        private final String name;

        Echo(String name) {
            super(InvocationType.BLOCKING);
            this.name = name;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Principal principal = GatewayRequests.principal(request);
            Object owner = request.getAttribute(SessionContext.OWNER_ATTRIBUTE);
            String text = name + " principal=" + principal.user() + " owner="
                    + (owner instanceof Principal p ? p.user() : "-");
            if (request.getMethod().equals("POST")) {
                text += " body=" + RequestBodies.read(request, LIMIT).length;
            }
            response.setStatus(200);
            response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }
}
