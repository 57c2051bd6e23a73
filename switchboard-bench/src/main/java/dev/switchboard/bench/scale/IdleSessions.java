package dev.switchboard.bench.scale;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Opens many initialized upstream MCP sessions against a Streamable HTTP endpoint and reports what
 * they cost the process serving it: {@code IdleSessions --url URL --pid PID [--sessions 10000]
 * [--concurrency 32] [--timeout 300s] [--histogram 20] [--streams]}.
 *
 * <p>A session is opened as a client would, with plain HTTP: {@code POST initialize} (which must
 * answer 200 with an {@code Mcp-Session-Id}), then {@code POST notifications/initialized} with the id
 * (202); at most {@code --concurrency} exchanges at once over a few kept-alive connections, and no
 * {@code GET} stream, so what is measured is the sessions, not sockets; with {@code --streams} each
 * session also opens its {@code GET} stream and holds it (one connection each), as MCP clients do
 * after initializing. Before and after, the serving
 * process gets a full collection ({@code jcmd PID GC.run}) and its used heap ({@code GC.heap_info})
 * and resident memory ({@code /proc/PID/status}) are read; the difference over the sessions opened
 * is the cost of one idle session. Then {@code ping} on up to 100 sessions spread over all of them
 * checks they are still open, and every session is ended with {@code DELETE}. Prints one JSON line;
 * with {@code --histogram N}, the N largest classes of the serving process's heap go to stderr.
 * Bounded: the opening and the closing each stop at {@code --timeout}.
 */
public final class IdleSessions {
    private static final String PROTOCOL = "2025-06-18";
    private static final String ACCEPT = "application/json, text/event-stream";
    private static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(30);
    private static final int CHECKS = 100;

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();
    private final Map<String, InputStream> streams = new ConcurrentHashMap<>();

    private IdleSessions(Options options) {
        this.options = options;
    }

    /** Measures as the arguments say; exit status 1 when no session opened, 2 on bad usage. */
    public static void main(String[] argv) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Options options;
        try {
            options = Options.parse(Arrays.asList(argv));
        } catch (IllegalArgumentException e) {
            System.err.println("idle-sessions: " + e.getMessage());
            System.err.println("usage: IdleSessions --url URL --pid PID [--sessions N] [--concurrency N] [--timeout"
                    + " 300s] [--histogram N] [--label NAME] [--streams]");
            System.exit(2);
            return;
        }
        IdleResult result = new IdleSessions(options).run();
        out.println(result.json());
        System.exit(result.opened() > 0 ? 0 : 1);
    }

    private IdleResult run() throws InterruptedException {
        long pid = options.pid();
        HeapUsage.Heap before = HeapUsage.afterFullGc(pid);
        long rssBefore = HeapUsage.statusKb(pid, "VmRSS");
        long started = System.nanoTime();
        List<@Nullable String> ids = openAll();
        double openSeconds = (System.nanoTime() - started) / 1e9;
        List<String> opened = ids.stream()
                .filter(Objects::nonNull)
                .map(Objects::requireNonNull)
                .toList();
        HeapUsage.Heap after = HeapUsage.afterFullGc(pid);
        long rssAfter = HeapUsage.statusKb(pid, "VmRSS");
        long hwm = HeapUsage.statusKb(pid, "VmHWM");
        if (options.histogram() > 0) {
            System.err.println(
                    "idle-sessions: the largest classes of " + pid + " with " + opened.size() + " sessions open:");
            HeapUsage.histogram(pid, options.histogram()).forEach(line -> System.err.println("  " + line));
        }
        int alive = checkAlive(opened);
        int closed = forEach(opened, this::delete);
        return new IdleResult(
                options.label(),
                options.sessions(),
                opened.size(),
                openSeconds,
                alive,
                Math.min(CHECKS, opened.size()),
                closed,
                before,
                after,
                new IdleResult.Rss(rssBefore, rssAfter, hwm),
                firstFailure.get());
    }

    private List<@Nullable String> openAll() throws InterruptedException {
        int n = options.sessions();
        AtomicReferenceArray<@Nullable String> ids = new AtomicReferenceArray<>(n);
        List<Integer> slots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            slots.add(i);
        }
        forEach(slots, slot -> {
            String id = open(slot);
            ids.set(slot, id);
            return id != null;
        });
        List<@Nullable String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(ids.get(i));
        }
        return list;
    }

    /** Runs {@code task} for every item, at most {@code --concurrency} at once, until the timeout. */
    private <T> int forEach(List<T> items, Task<T> task) throws InterruptedException {
        Semaphore slots = new Semaphore(options.concurrency());
        AtomicInteger ok = new AtomicInteger();
        long deadline = System.nanoTime() + options.timeout().toNanos();
        List<Thread> threads = new ArrayList<>(items.size());
        for (T item : items) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                fail("timeout: " + options.timeout() + " passed");
                break;
            }
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    if (task.run(item)) {
                        ok.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    slots.release();
                }
            }));
        }
        for (Thread t : threads) {
            long left = Math.max(1, deadline - System.nanoTime()) + EXCHANGE_TIMEOUT.toNanos();
            if (!t.join(Duration.ofNanos(left))) {
                t.interrupt();
            }
        }
        return ok.get();
    }

    /** One exchange over one item; true when it succeeded. */
    @FunctionalInterface
    private interface Task<T> {
        boolean run(T item) throws InterruptedException;
    }

    /** Opens a session; its id, or null when that failed. */
    private @Nullable String open(int index) throws InterruptedException {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + PROTOCOL + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"idle-sessions\",\"version\":\""
                + index + "\"}}}";
        HttpResponse<String> answer = post(init, null);
        String id = answer == null
                ? null
                : answer.headers().firstValue("mcp-session-id").orElse(null);
        if (answer == null || answer.statusCode() != 200 || id == null) {
            fail(answer == null ? null : "initialize: HTTP " + answer.statusCode() + " " + snippet(answer.body()));
            return null;
        }
        HttpResponse<String> initialized = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", id);
        if (initialized == null || initialized.statusCode() != 202) {
            fail(initialized == null ? null : "initialized: HTTP " + initialized.statusCode());
            return null;
        }
        return !options.streams() || openStream(id) ? id : null;
    }

    /** Opens the session's GET stream, as clients do after initializing, and keeps it open. */
    private boolean openStream(String id) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(options.url())
                .header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", id)
                .header("MCP-Protocol-Version", PROTOCOL)
                .GET()
                .build();
        try {
            // answers with its headers at once; the body stays open until the session ends
            HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() != 200) {
                answer.body().close();
                fail("GET: HTTP " + answer.statusCode());
                return false;
            }
            streams.put(id, answer.body());
            return true;
        } catch (IOException e) {
            fail("GET: " + e);
            return false;
        }
    }

    /** Pings up to {@value #CHECKS} sessions spread over all of them; how many answered. */
    private int checkAlive(List<String> ids) throws InterruptedException {
        List<String> sample = new ArrayList<>();
        int step = Math.max(1, ids.size() / CHECKS);
        for (int i = 0; i < ids.size() && sample.size() < CHECKS; i += step) {
            sample.add(ids.get(i));
        }
        return forEach(sample, id -> {
            HttpResponse<String> pong = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", id);
            return pong != null && pong.statusCode() == 200 && pong.body().contains("\"result\"");
        });
    }

    private boolean delete(String id) throws InterruptedException {
        HttpRequest request = base(id).DELETE().build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 || status == 204;
        } catch (IOException e) {
            fail("DELETE: " + e);
            return false;
        }
    }

    private @Nullable HttpResponse<String> post(String body, @Nullable String session) throws InterruptedException {
        HttpRequest request = base(session)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            fail("POST: " + e);
            return null;
        }
    }

    private HttpRequest.Builder base(@Nullable String session) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(options.url()).timeout(EXCHANGE_TIMEOUT).header("Accept", ACCEPT);
        if (session != null) {
            builder.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", PROTOCOL);
        }
        return builder;
    }

    private void fail(@Nullable String message) {
        if (message != null) {
            firstFailure.compareAndSet(null, message);
        }
    }

    private static String snippet(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }

    /** What was asked for. */
    record Options(
            URI url,
            long pid,
            int sessions,
            int concurrency,
            Duration timeout,
            int histogram,
            String label,
            boolean streams) {
        static Options parse(List<String> argv) {
            @Nullable URI url = null;
            long pid = -1;
            int sessions = 10_000;
            int concurrency = 32;
            Duration timeout = Duration.ofSeconds(300);
            int histogram = 0;
            String label = "idle";
            boolean streams = false;
            for (int i = 0; i < argv.size(); i++) {
                String option = argv.get(i);
                if (option.equals("--streams")) {
                    streams = true;
                    continue;
                }
                if (i + 1 >= argv.size()) {
                    throw new IllegalArgumentException(option + ": missing value");
                }
                String value = argv.get(++i);
                switch (option) {
                    case "--url" -> url = URI.create(value);
                    case "--pid" -> pid = Long.parseLong(value);
                    case "--sessions" -> sessions = bounded(option, value, 1, 100_000);
                    case "--concurrency" -> concurrency = bounded(option, value, 1, 1_000);
                    case "--timeout" ->
                        timeout = Duration.ofSeconds(bounded(option, value.replaceAll("s$", ""), 1, 3600));
                    case "--histogram" -> histogram = bounded(option, value, 0, 200);
                    case "--label" -> label = value;
                    default -> throw new IllegalArgumentException(option + ": unknown option");
                }
            }
            if (url == null || pid <= 0) {
                throw new IllegalArgumentException("--url and --pid: both required (expected: the endpoint and the"
                        + " process id of the JVM serving it)");
            }
            return new Options(url, pid, sessions, concurrency, timeout, histogram, label, streams);
        }

        private static int bounded(String option, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + ": " + value + " (expected: " + min + " to " + max + ")");
        }
    }
}
