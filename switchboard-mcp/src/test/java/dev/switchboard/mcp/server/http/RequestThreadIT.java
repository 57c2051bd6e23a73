package dev.switchboard.mcp.server.http;

import static dev.switchboard.mcp.server.http.McpTestClient.callTool;
import static dev.switchboard.mcp.server.http.McpTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.server.ServerSessionFactory;
import dev.switchboard.mcp.session.IncomingHandler;
import dev.switchboard.mcp.session.IncomingRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Streamable HTTP session hands each request to its own virtual thread, unless the handler says it
 * never waits for the client: then the request runs on the handler thread of the POST that carried
 * it, with the same answer.
 */
class RequestThreadIT {
    private static final String POST_THREADS = "post-";

    private final McpRuntime runtime = new McpRuntime();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final TestSessionFactory tools = new TestSessionFactory();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private @Nullable Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        http.close();
        runtime.close();
    }

    @Test
    void aHandlerThatNeverWaitsForTheClientRunsOnThePostsThread() throws Exception {
        McpTestClient client = start(true);

        String answer = echo(client);

        assertThat(answer).isEqualTo("hi");
        assertThat(threads).hasSize(2).allMatch(name -> name.startsWith(POST_THREADS));
    }

    @Test
    void otherHandlersRunOnThreadsOfTheirOwn() throws Exception {
        McpTestClient client = start(false);

        String answer = echo(client);

        assertThat(answer).isEqualTo("hi");
        assertThat(threads).hasSize(2).noneMatch(name -> name.startsWith(POST_THREADS));
    }

    @Test
    void progressSentFromThePostsThreadStillReachesTheClientBeforeTheAnswer() throws Exception {
        McpTestClient client = start(true);
        String session = initialize(client);

        HttpResponse<String> response = client.post(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"progress\","
                        + "\"arguments\":{},\"_meta\":{\"progressToken\":\"p1\"}}}");

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).contains("notifications/progress").contains("\"done\"");
        assertThat(body.indexOf("notifications/progress")).isLessThan(body.indexOf("\"done\""));
        assertThat(threads).allMatch(name -> name.startsWith(POST_THREADS));
    }

    private McpTestClient start(boolean onDeliveringThread) throws Exception {
        ServerSessionFactory factory = session -> new Recording(tools.open(session), onDeliveringThread);
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName(POST_THREADS);
        Server jetty = new Server(pool);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new StreamableHttpHandler(factory, runtime, HttpServerTransportOptions.defaults()));
        jetty.start();
        server = jetty;
        return new McpTestClient(http, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp"));
    }

    private String echo(McpTestClient client) throws Exception {
        String session = initialize(client);
        HttpResponse<String> response = client.post(session, callTool(2, "echo", "{\"text\":\"hi\"}"));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body())
                .path("result")
                .path("content")
                .get(0)
                .path("text")
                .asString();
    }

    private static String initialize(McpTestClient client) throws Exception {
        HttpResponse<String> response = client.post(null, McpTestClient.initializeBody("2025-11-25"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    /** The test server's handler, recording the thread each request runs on. */
    private final class Recording implements IncomingHandler {
        private final IncomingHandler tools;
        private final boolean onDeliveringThread;

        Recording(IncomingHandler tools, boolean onDeliveringThread) {
            this.tools = tools;
            this.onDeliveringThread = onDeliveringThread;
        }

        @Override
        public CompletionStage<JsonNode> onRequest(IncomingRequest request) {
            threads.add(Thread.currentThread().getName());
            return tools.onRequest(request);
        }

        @Override
        public boolean handlesOnDeliveringThread(IncomingRequest request) {
            return onDeliveringThread;
        }

        @Override
        public void onNotification(JsonRpcNotification notification, @Nullable RequestId related) {
            tools.onNotification(notification, related);
        }

        @Override
        public void onClose(@Nullable Throwable cause) {
            tools.onClose(cause);
        }
    }
}
