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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Times gateway processes from their start to {@code /readyz} answering 200: {@code ServeStartup
 * [--rounds 5] [--timeout 60] --case LABEL=COMMAND ARGS... [--case ...]}, where each command runs
 * {@code switchboard serve} (through the launcher, or {@code java -jar}) with {@code --listen
 * 127.0.0.1:0}. The cases run interleaved: round 1 of each, then round 2 of each, every round
 * starting with the next case.
 *
 * <p>Each round starts the command (its output merged and read here), waits for the log line
 * {@code listening on http://HOST:PORT/} ({@code listening_ms}), then asks {@code /readyz} every 5 ms
 * until it answers 200 ({@code ready_ms}, from just before the process started), and stops the
 * process with SIGTERM (at most 20 s, then SIGKILL), and its descendants the same way. A round that
 * sees no 200 within the timeout fails the run. At ready, the CPU time of the process and of its
 * threads by kind ({@link ThreadCpu}: the main thread is the start-up's critical path) is read.
 * Prints one JSON line per start and a summary per case with the median and the smallest {@code
 * ready_ms} and the median CPU times.
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
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        ServeStartup startup = new ServeStartup();
        Map<String, List<Round>> rounds = new LinkedHashMap<>();
        options.cases().forEach(c -> rounds.put(c.label(), new ArrayList<>()));
        int n = options.cases().size();
        for (int i = 1; i <= options.rounds(); i++) {
            // interleaved, each round starting with the next case, so that a busy spell of the machine
            // falls on every case alike
            for (int k = 0; k < n; k++) {
                Case c = options.cases().get((i - 1 + k) % n);
                Round round;
                try {
                    round = startup.round(c.command(), options.timeout());
                } catch (IOException | IllegalStateException e) {
                    System.err.println("serve-startup: round " + i + " of " + c.label() + ": " + e.getMessage());
                    System.exit(1);
                    return;
                }
                rounds.computeIfAbsent(c.label(), label -> new ArrayList<>()).add(round);
                out.println(round.json(c.label(), i));
            }
        }
        rounds.forEach((label, list) -> out.println(summary(label, list)));
    }

    /** The median and smallest time to ready, and the median CPU times, of one case's rounds. */
    static String summary(String label, List<Round> rounds) {
        return "{\"summary\":true,\"label\":\"" + label + "\",\"rounds\":" + rounds.size()
                + ",\"median_ready_ms\":" + StartupTime.ms(median(rounds, Round::readyNanos)) + ",\"min_ready_ms\":"
                + StartupTime.ms(
                        rounds.stream().mapToLong(Round::readyNanos).min().orElse(-1))
                + ",\"median_listening_ms\":" + StartupTime.ms(median(rounds, Round::listeningNanos))
                + ",\"median_cpu_ms\":" + StartupTime.ms(median(rounds, Round::cpuNanos)) + ",\"median_cpu_main_ms\":"
                + StartupTime.ms(median(rounds, r -> r.threads().mainMillis() * 1_000_000)) + "}";
    }

    static long median(List<Round> rounds, ToLongFunction<Round> value) {
        long[] sorted = rounds.stream().mapToLong(value).sorted().toArray();
        return sorted.length == 0 ? -1 : median(sorted);
    }

    /** One start: nanoseconds to the listening line and to the first 200 from /readyz. */
    record Round(long listeningNanos, long readyNanos, long cpuNanos, ThreadCpu threads) {
        String json(String label, int index) {
            return "{\"label\":\"" + label + "\",\"round\":" + index + ",\"listening_ms\":"
                    + StartupTime.ms(listeningNanos) + ",\"ready_ms\":" + StartupTime.ms(readyNanos) + ",\"cpu_ms\":"
                    + StartupTime.ms(cpuNanos) + "," + threads.json() + "}";
        }
    }

    private Round round(List<String> command, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = builder.start();
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<URI> base = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().name("serve-output").start(() -> read(process, tail, base));
        try {
            long deadline = start + timeout.toNanos();
            URI uri = awaitBase(base, deadline, tail);
            long listening = System.nanoTime() - start;
            URI readyz = uri.resolve("readyz");
            while (!isReady(readyz)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("no 200 from " + readyz + " within " + timeout
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

    /** One command to start, under a label. */
    record Case(String label, List<String> command) {}

    static final String USAGE = """
            usage: ServeStartup [--rounds N] [--timeout SECONDS] --case LABEL=COMMAND... [--case ...]
              --rounds N        starts of each case, interleaved (default 5)
              --timeout S       the most one start may take to answer 200 on /readyz (default 60)
              --case L=CMD      a label and the command that starts a gateway, split on spaces, such as
                                "stdio=java -jar switchboard-server.jar serve --config x.yaml --listen 127.0.0.1:0"
            """;

    /** What to run. */
    record Options(int rounds, Duration timeout, List<Case> cases) {
        static Options parse(List<String> argv) {
            int rounds = 5;
            Duration timeout = Duration.ofSeconds(60);
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < argv.size(); i++) {
                String option = argv.get(i);
                if (i + 1 >= argv.size()) {
                    throw new IllegalArgumentException(option + ": missing value");
                }
                String value = argv.get(++i);
                switch (option) {
                    case "--rounds" -> rounds = count(option, value, 100);
                    case "--timeout" -> timeout = Duration.ofSeconds(count(option, value.replaceAll("s$", ""), 3600));
                    case "--case" -> cases.add(parseCase(value));
                    default -> throw new IllegalArgumentException(option + ": unknown option");
                }
            }
            if (cases.isEmpty()) {
                throw new IllegalArgumentException("--case: missing (expected: at least one LABEL=COMMAND)");
            }
            return new Options(rounds, timeout, List.copyOf(cases));
        }

        static Case parseCase(String value) {
            int eq = value.indexOf('=');
            List<String> command = eq < 0
                    ? List.of()
                    : Arrays.stream(value.substring(eq + 1).trim().split("\\s+"))
                            .filter(w -> !w.isEmpty())
                            .toList();
            if (eq <= 0 || command.isEmpty()) {
                throw new IllegalArgumentException("--case: " + value + " (expected: LABEL=COMMAND ARGS...)");
            }
            return new Case(value.substring(0, eq), command);
        }

        private static int count(String option, String value, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 1 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + ": " + value + " (expected: 1 to " + max + ")");
        }
    }
}
