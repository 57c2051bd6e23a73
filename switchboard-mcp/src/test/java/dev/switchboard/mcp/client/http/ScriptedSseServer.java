package dev.switchboard.mcp.client.http;

import dev.switchboard.mcp.client.EchoServerLogic;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * A legacy HTTP+SSE server for tests, on Jetty core at 127.0.0.1 and a free port: {@code GET /sse}
 * opens the stream and sends the scripted {@code endpoint} event; {@code POST /messages} answers
 * 202 and sends the answer on the stream. One client at a time.
 */
final class ScriptedSseServer implements AutoCloseable {
    private final Server server = new Server(new VirtualThreadPool());
    private final ServerConnector connector = new ServerConnector(server);
    private final EchoServerLogic logic = new EchoServerLogic();
    private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>();
    private final Queue<String> postTargets = new ConcurrentLinkedQueue<>();
    /** The data of the endpoint event; {@code null} sends none. */
    volatile @Nullable String endpointData = "/messages?sessionId=abc";

    private volatile boolean endStreams;

    ScriptedSseServer() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        // the JVM's default backlog of 50 drops connections when hundreds are opened at once
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                if (request.getMethod().equals("GET") && path.equals("/sse")) {
                    stream(response, callback);
                } else if (request.getMethod().equals("POST") && path.equals("/messages")) {
                    postTargets.add(request.getHttpURI().getPathQuery());
                    String answer = logic.answer(Content.Source.asString(request, StandardCharsets.UTF_8));
                    if (answer != null) {
                        outgoing.add(answer);
                    }
                    response.setStatus(202);
                    Content.Sink.write(response, true, "Accepted", callback);
                } else {
                    response.setStatus(404);
                    callback.succeeded();
                }
                return true;
            }
        });
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    URI sseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/sse");
    }

    /** The path and query of every POST received. */
    List<String> postTargets() {
        return List.copyOf(postTargets);
    }

    /** Ends every open stream cleanly. */
    void endStreams() {
        endStreams = true;
    }

    private void stream(Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "text/event-stream");
        OutputStream out = Content.Sink.asOutputStream(response);
        try {
            write(out, ": stream open\n\n");
            String endpoint = endpointData;
            if (endpoint != null) {
                write(out, "event: endpoint\ndata: " + endpoint + "\n\n");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!endStreams && System.nanoTime() < deadline) {
                String message = outgoing.poll(20, TimeUnit.MILLISECONDS);
                if (message != null) {
                    write(out, "event: message\ndata: " + message + "\n\n");
                }
            }
            out.close();
            callback.succeeded();
        } catch (IOException | InterruptedException e) {
            callback.failed(e);
        }
    }

    private static void write(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws Exception {
        endStreams = true;
        server.stop();
    }
}
