package dev.switchboard.bench.scale;

import dev.switchboard.core.ServerInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.ConfigLoader;
import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.lifecycle.ServerState;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Times building the engine for a configuration with many lazy servers, in this JVM: {@code
 * StartupTime [--servers 1000] [--remote URL] [--rounds 10] [--config FILE]}.
 *
 * <p>Each round loads and validates the file ({@link ConfigLoader}, the {@code load} time), starts a
 * {@link Switchboard} for it ({@code build}), asks for every server's state ({@code servers}, which
 * must list all of them, every one {@code idle}) and closes it ({@code close}); {@code ready} is load,
 * build and servers together: what {@code Switchboard.fromFile(file)} and a first look at the servers
 * cost. Round 1 runs in a cold JVM, as a gateway starting up does; the later rounds show the same
 * work once the JIT compiled it. Prints one JSON line per round and a summary line with the first
 * round and the median of the others. Without {@code --config} it writes a {@link ScaleConfig} to a
 * temporary file ({@code ${SWITCHBOARD_HOME}} defaults to the working directory).
 */
public final class StartupTime {
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StartupTime() {}

    /** Runs the rounds the arguments ask for. */
    public static void main(String[] argv) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Options options;
        try {
            options = Options.parse(Arrays.asList(argv));
        } catch (IllegalArgumentException e) {
            System.err.println("startup-time: " + e.getMessage());
            System.err.println("usage: StartupTime [--servers N] [--remote URL] [--json] [--rounds N] [--config FILE]");
            System.exit(2);
            return;
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("SWITCHBOARD_HOME", Path.of("").toAbsolutePath().toString());
        Path file = options.config();
        boolean temporary = file == null;
        if (file == null) {
            file = Files.createTempFile("switchboard-scale-", options.scale().json() ? ".json" : ".yaml");
            options.scale().write(file);
        }
        try {
            List<Round> rounds = new ArrayList<>();
            for (int i = 1; i <= options.rounds(); i++) {
                Round round = round(file, env);
                rounds.add(round);
                out.println(round.json(i));
            }
            out.println(summary(rounds));
        } finally {
            if (temporary) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The times of one round, in nanoseconds. */
    record Round(int servers, String kind, long load, long build, long list, long close, long cpu, long threadCpu) {
        long ready() {
            return load + build + list;
        }

        String json(int index) {
            return "{\"round\":" + index + ",\"servers\":" + servers + ",\"kind\":\"" + kind + "\",\"load_ms\":"
                    + ms(load) + ",\"build_ms\":"
                    + ms(build) + ",\"servers_ms\":" + ms(list) + ",\"ready_ms\":" + ms(ready()) + ",\"close_ms\":"
                    + ms(close) + ",\"ready_cpu_ms\":" + ms(cpu) + ",\"ready_thread_cpu_ms\":" + ms(threadCpu) + "}";
        }
    }

    static Round round(Path file, Map<String, String> env) {
        long cpu0 = PROCESS.getProcessCpuTime();
        long thread0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        GatewayConfig config = new ConfigLoader(env).load(file).orElseThrow().config();
        long t1 = System.nanoTime();
        Switchboard switchboard =
                Switchboard.builder().config(config).environment(env).build();
        long t2 = System.nanoTime();
        List<ServerInfo> servers = switchboard.servers();
        long t3 = System.nanoTime();
        long cpu1 = PROCESS.getProcessCpuTime();
        long thread1 = THREADS.getCurrentThreadCpuTime();
        switchboard.close();
        long t4 = System.nanoTime();
        long notIdle =
                servers.stream().filter(s -> s.state() != ServerState.IDLE).count();
        if (servers.size() != config.servers().size() || notIdle > 0) {
            throw new IllegalStateException("servers: " + servers.size() + " listed, " + notIdle
                    + " not idle (expected: " + config.servers().size() + ", all idle)");
        }
        String kind =
                config.servers().values().stream().anyMatch(RemoteServerConfig.class::isInstance) ? "remote" : "stdio";
        return new Round(
                servers.size(),
                kind,
                t1 - t0,
                t2 - t1,
                t3 - t2,
                t4 - t3,
                cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0,
                thread0 < 0 || thread1 < 0 ? -1 : thread1 - thread0);
    }

    /** The first round (a cold JVM) and the median of the later ones (compiled), in one JSON line. */
    static String summary(List<Round> rounds) {
        Round first = rounds.get(0);
        List<Round> later = rounds.subList(1, rounds.size());
        return "{\"summary\":true,\"servers\":" + first.servers() + ",\"kind\":\"" + first.kind()
                + "\",\"rounds\":" + rounds.size()
                + ",\"cold_ready_ms\":" + ms(first.ready()) + ",\"cold_load_ms\":" + ms(first.load())
                + ",\"cold_build_ms\":" + ms(first.build()) + ",\"cold_cpu_ms\":" + ms(first.cpu())
                + ",\"cold_thread_cpu_ms\":" + ms(first.threadCpu())
                + ",\"warm_ready_ms\":"
                + ms(median(later, Round::ready)) + ",\"warm_load_ms\":" + ms(median(later, Round::load))
                + ",\"warm_build_ms\":" + ms(median(later, Round::build)) + ",\"warm_cpu_ms\":"
                + ms(median(later, Round::cpu)) + ",\"warm_thread_cpu_ms\":" + ms(median(later, Round::threadCpu))
                + "}";
    }

    /** The median of {@code value} over {@code rounds}; -1 when there are none. */
    static long median(List<Round> rounds, java.util.function.ToLongFunction<Round> value) {
        if (rounds.isEmpty()) {
            return -1;
        }
        long[] values = rounds.stream().mapToLong(value).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /** Milliseconds with one decimal, or -1. */
    static String ms(long nanos) {
        return nanos < 0 ? "-1" : String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** What to measure. */
    record Options(ScaleConfig scale, int rounds, @Nullable Path config) {
        static Options parse(List<String> argv) {
            int servers = 1000;
            int rounds = 10;
            @Nullable String remote = null;
            boolean json = false;
            @Nullable Path config = null;
            for (int i = 0; i < argv.size(); i++) {
                String option = argv.get(i);
                switch (option) {
                    case "--servers" -> servers = count(option, value(argv, ++i, option), 100_000);
                    case "--rounds" -> rounds = count(option, value(argv, ++i, option), 1_000);
                    case "--remote" -> remote = value(argv, ++i, option);
                    case "--json" -> json = true;
                    case "--config" -> config = Path.of(value(argv, ++i, option));
                    default -> throw new IllegalArgumentException(option + ": unknown option");
                }
            }
            ScaleConfig scale = ScaleConfig.stdio(servers).withJson(json);
            return new Options(remote == null ? scale : scale.withRemote(remote), rounds, config);
        }

        private static String value(List<String> argv, int index, String option) {
            if (index >= argv.size()) {
                throw new IllegalArgumentException(option + ": missing value");
            }
            return argv.get(index);
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
