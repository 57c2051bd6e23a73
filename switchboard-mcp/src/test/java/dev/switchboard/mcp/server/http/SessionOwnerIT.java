package dev.switchboard.mcp.server.http;

import static dev.switchboard.mcp.server.http.McpTestClient.callTool;
import static dev.switchboard.mcp.server.http.McpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.server.SessionContext;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.McpSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session opened by one owner does not exist for another, whatever the id. */
class SessionOwnerIT {
    private final McpRuntime runtime = new McpRuntime();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final TestSessionFactory handlers = new TestSessionFactory();
    private final List<SessionContext> contexts = new CopyOnWriteArrayList<>();
    private Server server;
    private URI endpoint;

    /** Sets the request's owner from the X-Owner header, as an authenticating handler would. */
    private static final class OwnerFromHeader extends Handler.Wrapper {
        OwnerFromHeader(Handler next) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String owner = request.getHeaders().get("X-Owner");
            if (owner != null) {
                request.setAttribute(SessionContext.OWNER_ATTRIBUTE, owner);
            }
            return super.handle(request, response, callback);
        }
    }

    @BeforeEach
    void start() throws Exception {
        ServerSessionFactory factory = new ServerSessionFactory() {
            @Override
            public IncomingHandler open(McpSession session) {
                return handlers.open(session);
            }

            @Override
            public IncomingHandler open(McpSession session, SessionContext context) {
                contexts.add(context);
                return handlers.open(session);
            }
        };
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new OwnerFromHeader(
                new StreamableHttpHandler(factory, runtime, HttpServerTransportOptions.defaults())));
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        http.close();
        runtime.close();
    }

    private String initializeAs(String owner) throws Exception {
        HttpResponse<String> response = new McpTestClient(http, endpoint)
                .post(null, McpTestClient.initializeBody("2025-11-25"), "X-Owner", owner);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    @Test
    void theFactoryLearnsTheOwnerOfEachSession() throws Exception {
        initializeAs("alice");

        assertThat(contexts).containsExactly(new SessionContext("alice", "streamable-http"));
    }

    @Test
    void theOwnerUsesItsSession() throws Exception {
        McpTestClient client = new McpTestClient(http, endpoint);
        String session = initializeAs("alice");

        HttpResponse<String> response =
                client.post(session, callTool(2, "echo", "{\"text\":\"hi\"}"), "X-Owner", "alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body())
                        .path("result")
                        .path("content")
                        .get(0)
                        .path("text")
                        .asString())
                .isEqualTo("hi");
    }

    @Test
    void anotherOwnerSeesNoSuchSession() throws Exception {
        McpTestClient client = new McpTestClient(http, endpoint);
        String session = initializeAs("alice");

        HttpResponse<String> asBob = client.post(session, callTool(2, "echo", "{\"text\":\"hi\"}"), "X-Owner", "bob");
        HttpResponse<String> asNobody = client.post(session, callTool(3, "echo", "{\"text\":\"hi\"}"));
        HttpResponse<String> deleteAsNobody = client.delete(session);

        assertThat(asBob.statusCode()).isEqualTo(404);
        assertThat(asNobody.statusCode()).isEqualTo(404);
        assertThat(deleteAsNobody.statusCode()).isEqualTo(404);
        assertThat(client.post(session, callTool(4, "echo", "{\"text\":\"still\"}"), "X-Owner", "alice")
                        .statusCode())
                .isEqualTo(200);
    }
}
