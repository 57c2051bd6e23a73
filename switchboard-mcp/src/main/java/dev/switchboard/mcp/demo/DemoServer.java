package dev.switchboard.mcp.demo;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.protocol.LogLevel;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.server.McpServer;
import dev.switchboard.mcp.server.ServerRequest;
import dev.switchboard.mcp.server.http.McpHttpServer;
import dev.switchboard.mcp.server.http.McpHttpServerOptions;
import dev.switchboard.mcp.server.stdio.StdioServerTransport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Switchboard's demo MCP server: every fixture the official conformance suite's server scenarios
 * use, plus {@code echo}, {@code add}, {@code slow}, progress and logging tools, sampling and
 * elicitation tools, a resource that changes, and tools added at runtime. Used by the quick start,
 * the tests and the benchmarks.
 *
 * <p>{@link #create} builds the server, to serve over any server transport; {@link #main} serves
 * it over stdio, or Streamable HTTP with {@code --http PORT}.
 */
public final class DemoServer {
    /** The {@code serverInfo.name}. */
    public static final String NAME = "switchboard-demo";

    /** The log message the demo sends a session whose client said its roots changed. */
    public static final String ROOTS_CHANGED_LOG = "notifications/roots/list_changed received";

    private DemoServer() {}

    /** Builds a demo server. Each call makes an independent server with its own state. */
    public static McpServer create(DemoOptions options) {
        DemoSessions sessions = new DemoSessions();
        WatchedResource watched = new WatchedResource(
                sessions, options.timer(), options.executor(), options.clock(), options.resourceUpdateInterval());
        DemoResources resources = new DemoResources(sessions, watched, options.pageSize());
        DemoTools tools = tools(options, sessions, watched);
        DemoPrompts prompts = new DemoPrompts(options.pageSize());
        DemoCompletions completions = new DemoCompletions();
        return McpServer.builder(NAME, version())
                .instructions("Switchboard's demo MCP server: try echo, add, slow, progress, log,"
                        + " test_sampling, test_elicitation, add_tool and the test:// resources.")
                .capability("tools", flags("listChanged"))
                .capability("resources", flags("subscribe", "listChanged"))
                .capability("prompts", flags("listChanged"))
                .capability("logging", Json.object())
                .capability("completions", Json.object())
                .handle(McpMethods.TOOLS_LIST, tools::list)
                .handle(McpMethods.TOOLS_CALL, tools::call)
                .handle(McpMethods.RESOURCES_LIST, resources::list)
                .handle(McpMethods.RESOURCES_TEMPLATES_LIST, resources::templates)
                .handle(McpMethods.RESOURCES_READ, resources::read)
                .handle(McpMethods.RESOURCES_SUBSCRIBE, resources::subscribe)
                .handle(McpMethods.RESOURCES_UNSUBSCRIBE, resources::unsubscribe)
                .handle(McpMethods.PROMPTS_LIST, prompts::list)
                .handle(McpMethods.PROMPTS_GET, prompts::get)
                .handle(McpMethods.COMPLETION_COMPLETE, completions::complete)
                .handle(McpMethods.LOGGING_SET_LEVEL, request -> setLevel(sessions, request))
                .onNotification((session, notification) -> {
                    if (McpMethods.ROOTS_LIST_CHANGED.equals(notification.method())) {
                        // a log message says it arrived (off the transport's thread, which must not block)
                        options.executor()
                                .execute(() -> sessions.state(session).log(LogLevel.INFO, ROOTS_CHANGED_LOG, null));
                    }
                })
                .onSessionOpen(sessions::opened)
                .onSessionClose(session -> {
                    sessions.closed(session);
                    resources.sessionClosed();
                })
                .build();
    }

    private static DemoTools tools(DemoOptions options, DemoSessions sessions, WatchedResource watched) {
        List<Tool> base = Stream.of(
                        BasicTools.tools(),
                        ContentTools.tools(),
                        NotifyingTools.tools(),
                        new ClientRequestTools(options.clientRequestTimeout()).tools(),
                        List.of(ReconnectionTool.tool()))
                .flatMap(List::stream)
                .toList();
        Set<String> reserved = new HashSet<>(RuntimeTools.NAMES);
        base.forEach(t -> reserved.add(t.name()));
        AddedTools added = new AddedTools(sessions, reserved);
        List<Tool> fixed = Stream.concat(base.stream(), new RuntimeTools(added, watched).tools().stream())
                .toList();
        return new DemoTools(fixed, added, sessions, options.pageSize());
    }

    private static JsonNode setLevel(DemoSessions sessions, ServerRequest request) {
        sessions.state(request.session())
                .minimumLevel(LogLevel.ofParam(request.params().get("level")));
        return Json.object();
    }

    private static ObjectNode flags(String... names) {
        ObjectNode node = Json.object();
        for (String name : names) {
            node.put(name, true);
        }
        return node;
    }

    private static String version() {
        String v = DemoServer.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    /**
     * Serves a demo server over standard input and output until the client closes its end. Only
     * protocol messages go to standard output.
     */
    public static void serveStdio(McpRuntime runtime) {
        StdioServerTransport.serve(create(DemoOptions.of(runtime)), runtime);
    }

    /**
     * Starts a demo server on Streamable HTTP at {@code /mcp} (and HTTP+SSE at {@code /sse}).
     *
     * @param options address, port, paths and transport settings
     * @return the started server; close it to stop
     * @throws IllegalStateException when the server cannot listen there
     */
    public static McpHttpServer startHttp(McpRuntime runtime, McpHttpServerOptions options) {
        McpHttpServer server = new McpHttpServer(create(DemoOptions.of(runtime)), runtime, options);
        server.start();
        return server;
    }

    /**
     * Serves a demo server over HTTP until the JVM is asked to stop (Ctrl-C, SIGTERM). Prints the
     * endpoints to standard error, one a line: {@code demo-server: Streamable HTTP at URL} and {@code
     * demo-server: HTTP+SSE at URL}.
     *
     * @throws IllegalStateException when the server cannot listen there
     */
    public static void serveHttp(McpRuntime runtime, McpHttpServerOptions options) {
        McpHttpServer server = startHttp(runtime, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "demo-server-stop"));
        System.err.println("demo-server: Streamable HTTP at " + server.mcpEndpoint());
        System.err.println("demo-server: HTTP+SSE at " + server.sseEndpoint());
        try {
            while (!stopped.await(1, TimeUnit.HOURS)) {
                // serving until the shutdown hook runs
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }

    /**
     * Runs the demo server: over stdio without arguments, over Streamable HTTP with {@code --http
     * PORT} (and {@code --host HOST}, default 127.0.0.1; {@code --response-mode auto|json|sse},
     * default auto). Exits with 2 on bad arguments, 1 when HTTP cannot listen.
     */
    public static void main(String[] args) {
        DemoArguments arguments;
        try {
            arguments = DemoArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo-server: " + e.getMessage());
            System.err.println(DemoArguments.USAGE);
            System.exit(2);
            return;
        }
        try (McpRuntime runtime = new McpRuntime()) {
            McpHttpServerOptions http = arguments.httpOptions();
            if (http == null) {
                serveStdio(runtime);
            } else {
                serveHttp(runtime, http);
            }
        } catch (IllegalStateException e) {
            System.err.println("demo-server: " + e.getMessage());
            System.exit(1);
        }
    }
}
