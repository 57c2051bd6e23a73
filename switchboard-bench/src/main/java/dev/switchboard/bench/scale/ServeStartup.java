package dev.switchboard.bench.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Times a gateway process from its start to {@code /readyz} answering 200: {@code ServeStartup
 * [--rounds 5] [--label NAME] [--timeout 60s] -- COMMAND ARGS...}, where the command runs {@code
 * switchboard serve} (through the launcher, or {@code java -jar}) with {@code --listen
 * 127.0.0.1:0}.
 *
 * <p>Each round starts the command (its output merged and read here), waits for the log line
 * {@code listening on http://HOST:PORT/} ({@code listening_ms}), then asks {@code /readyz} every 5 ms
 * until it answers 200 ({@code ready_ms}, from just before the process started), and stops the
 * process with SIGTERM (at most 20 s, then SIGKILL), and its descendants the same way. A round that
 * sees no 200 within the timeout fails the run. Prints one JSON line per round and a summary with
 * the median and the smallest {@code ready_ms}.
 */
public final class ServeStartup {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s/]+/)");
    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration STOP = Duration.ofSeconds(20);
    private static final int TAIL_LINES = 30;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private ServeStartup() {}

    /** Runs the rounds; exit status 1 when one failed, 2 on bad usage. */
    public static void main(String[] argv) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Options options;
        try {
            options = Options.parse(Arrays.asList(argv));
        } catch (IllegalArgumentException e) {
            System.err.println("serve-startup: " + e.getMessage());
            System.err.println("usage: ServeStartup [--rounds N] [--label NAME] [--timeout 60s] -- COMMAND ARGS...");
            System.exit(2);
            return;
        }
        ServeStartup startup = new ServeStartup();
        List<Long> ready = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> main = new ArrayList<>();
        for (int i = 1; i <= options.rounds(); i++) {
            Round round;
            try {
                round = startup.round(options);
            } catch (IOException | IllegalStateException e) {
                System.err.println("serve-startup: round " + i + " of " + options.label() + ": " + e.getMessage());
                System.exit(1);
                return;
            }
            ready.add(round.readyNanos());
            cpu.add(round.cpuNanos());
            main.add(round.threads().mainMillis() * 1_000_000);
            out.println("{\"label\":\"" + options.label() + "\",\"round\":" + i + ",\"listening_ms\":"
                    + StartupTime.ms(round.listeningNanos()) + ",\"ready_ms\":" + StartupTime.ms(round.readyNanos())
                    + ",\"cpu_ms\":" + StartupTime.ms(round.cpuNanos()) + ","
                    + round.threads().json() + "}");
        }
        long[] sorted = ready.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] cpuSorted = cpu.stream().mapToLong(Long::longValue).sorted().toArray();
        out.println("{\"summary\":true,\"label\":\"" + options.label() + "\",\"rounds\":" + sorted.length
                + ",\"median_ready_ms\":" + StartupTime.ms(median(sorted)) + ",\"min_ready_ms\":"
                + StartupTime.ms(sorted[0]) + ",\"median_cpu_ms\":" + StartupTime.ms(median(cpuSorted))
                + ",\"median_cpu_main_ms\":"
                + StartupTime.ms(
                        median(main.stream().mapToLong(Long::longValue).sorted().toArray())) + "}");
    }

    /** One start: nanoseconds to the listening line and to the first 200 from /readyz. */
    record Round(long listeningNanos, long readyNanos, long cpuNanos, ThreadCpu threads) {}

    private Round round(Options options) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(options.command()).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<URI> base = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().name("serve-output").start(() -> read(process, tail, base));
        try {
            long deadline = start + options.timeout().toNanos();
            URI uri = awaitBase(base, deadline, tail);
            long listening = System.nanoTime() - start;
            URI readyz = uri.resolve("readyz");
            while (!isReady(readyz)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("no 200 from " + readyz + " within " + options.timeout()
                            + (process.isAlive() ? "" : " (the process ended)") + "; last output:\n" + tail(tail));
                }
                Thread.sleep(POLL);
            }
            long ready = System.nanoTime() - start;
            return new Round(listening, ready, cpuNanos(process.toHandle()), ThreadCpu.of(process.pid()));
        } finally {
            stop(process);
            reader.join(STOP);
        }
    }

    private static URI awaitBase(CompletableFuture<URI> base, long deadline, Deque<String> tail)
            throws InterruptedException {
        try {
            return base.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no \"listening on\" line; last output:\n" + tail(tail), e);
        }
    }

    private static void read(Process process, Deque<String> tail, CompletableFuture<URI> base) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            // bounded by the process: its output ends when it does
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                URI uri = listeningBase(line);
                if (uri != null) {
                    base.complete(uri);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        base.completeExceptionally(new IOException("output ended"));
    }

    private static String tail(Deque<String> tail) {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    /** The base URI in a gateway's {@code listening on http://HOST:PORT/} log line, or null. */
    static @Nullable URI listeningBase(String line) {
        Matcher m = LISTENING.matcher(line);
        return m.find() ? URI.create(m.group(1)) : null;
    }

    private boolean isReady(URI readyz) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(readyz)
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The CPU time {@code process} and its descendants used so far (user and system); -1 when unknown. */
    static long cpuNanos(ProcessHandle process) {
        long sum = -1;
        for (ProcessHandle p : java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(process), process.descendants())
                .toList()) {
            long cpu = p.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
            if (cpu >= 0) {
                sum = Math.max(sum, 0) + cpu;
            }
        }
        return sum;
    }

    /** SIGTERM to the process and its descendants, SIGKILL to what is left after {@link #STOP}. */
    static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static long median(long[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** What to run. */
    record Options(int rounds, String label, Duration timeout, List<String> command) {
        static Options parse(List<String> argv) {
            int rounds = 5;
            String label = "serve";
            Duration timeout = Duration.ofSeconds(60);
            int i = 0;
            for (; i < argv.size() && !argv.get(i).equals("--"); i++) {
                String option = argv.get(i);
                if (i + 1 >= argv.size()) {
                    throw new IllegalArgumentException(option + ": missing value");
                }
                String value = argv.get(++i);
                switch (option) {
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--label" -> label = value;
                    case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value.replaceAll("s$", "")));
                    default -> throw new IllegalArgumentException(option + ": unknown option");
                }
            }
            if (i + 1 >= argv.size()) {
                throw new IllegalArgumentException("the command: missing (expected: -- COMMAND ARGS...)");
            }
            if (rounds < 1 || rounds > 100) {
                throw new IllegalArgumentException("--rounds: " + rounds + " (expected: 1 to 100)");
            }
            return new Options(rounds, label, timeout, List.copyOf(argv.subList(i + 1, argv.size())));
        }
    }
}
