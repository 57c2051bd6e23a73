package dev.switchboard.bench.jmh;

import dev.switchboard.core.catalog.Catalog;
import dev.switchboard.core.catalog.CatalogSettings;
import dev.switchboard.core.catalog.CatalogTool;
import dev.switchboard.core.catalog.ServerCatalog;
import dev.switchboard.core.config.ToolFilter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog with 50 servers of 20 tools each (1,000 tools, prefixed): routing a call by its full
 * name ({@code s7__op7_3}) and by its bare name ({@code op7_3}, offered by one server only), and
 * rebuilding the snapshot, for one server's {@code list_changed} ({@code withServer}) and from
 * nothing ({@code Catalog.of}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CatalogBenchmark {
    private static final int SERVERS = 50;
    private static final int TOOLS = 20;

    private @Nullable Catalog catalog;
    private @Nullable CatalogSettings settings;
    private List<ServerCatalog> servers = List.of();
    private ServerCatalog[] changing = new ServerCatalog[0];
    private String[] fullNames = new String[0];
    private String[] bareNames = new String[0];
    private int next;

    /** Builds the servers, the catalog, and the names to look up. */
    @Setup(Level.Trial)
    public void build() {
        CatalogSettings s = CatalogSettings.of("__");
        List<ServerCatalog> all = new ArrayList<>();
        List<String> full = new ArrayList<>();
        List<String> bare = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            s = s.withServer("s" + i, true, ToolFilter.ALL);
            List<ObjectNode> tools = new ArrayList<>();
            for (int j = 0; j < TOOLS; j++) {
                tools.add(tool("op" + i + "_" + j));
                full.add("s" + i + "__op" + i + "_" + j);
                bare.add("op" + i + "_" + j);
            }
            all.add(ServerCatalog.empty("s" + i).withTools(tools));
        }
        settings = s;
        servers = List.copyOf(all);
        catalog = Catalog.of(s, servers);
        // Two versions of one server's tools, so each rebuild really replaces a server.
        ServerCatalog middle = servers.get(SERVERS / 2);
        List<ObjectNode> more = new ArrayList<>(middle.tools());
        more.add(tool("added"));
        changing = new ServerCatalog[] {middle.withTools(more), middle.withTools(middle.tools())};
        fullNames = full.toArray(String[]::new);
        bareNames = bare.toArray(String[]::new);
        if (catalog.tools().size() != SERVERS * TOOLS) {
            throw new IllegalStateException(
                    "tools: " + catalog.tools().size() + " (expected: " + SERVERS * TOOLS + ")");
        }
    }

    private static ObjectNode tool(String name) {
        ObjectNode tool = JsonNodeFactory.instance.objectNode();
        tool.put("name", name);
        tool.put("description", "Does " + name + " to the thing it is given and answers with the outcome.");
        ObjectNode schema = tool.putObject("inputSchema");
        schema.put("type", "object");
        schema.putObject("properties").putObject("input").put("type", "string");
        schema.putArray("required").add("input");
        return tool;
    }

    private int nextIndex() {
        int i = next + 1;
        next = i == fullNames.length ? 0 : i;
        return next;
    }

    /** A call routed by its full name: one hash lookup. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Optional<CatalogTool> routeFullName() {
        return current().route(fullNames[nextIndex()]);
    }

    /** A call routed by its bare name: three hash lookups (full, qualified, bare). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Optional<CatalogTool> routeBareName() {
        return current().route(bareNames[nextIndex()]);
    }

    /** One server's tools changed (list_changed): a new snapshot of all 1,000 tools. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Catalog rebuildOneServerChanged() {
        return current().withServer(changing[nextIndex() & 1]);
    }

    /** A snapshot of all 50 servers built from nothing (first start, or a reload of everything). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Catalog buildFromNothing() {
        CatalogSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("settings: null (expected: @Setup to have run)");
        }
        return Catalog.of(s, servers);
    }

    /**
     * CPU time per operation, the steadier number on a shared machine where wall time depends on
     * what else runs: {@code java -cp switchboard-bench/target/benchmarks.jar
     * dev.switchboard.bench.jmh.CatalogBenchmark [rounds]} runs each operation in a loop on this
     * thread and prints its thread CPU time per operation, one line per round (default 5; the first
     * is warm-up).
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        CatalogBenchmark b = new CatalogBenchmark();
        b.build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 20_000; i++) {
                sink += b.rebuildOneServerChanged().tools().size();
            }
            long rebuilt = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000; i++) {
                sink += b.buildFromNothing().tools().size();
            }
            long built = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 5_000_000; i++) {
                sink += b.routeFullName().isPresent() ? 1 : 0;
            }
            long routedFull = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 5_000_000; i++) {
                sink += b.routeBareName().isPresent() ? 1 : 0;
            }
            long routedBare = threads.getCurrentThreadCpuTime();
            System.out.printf(
                    "round %d: CPU per op: rebuildOneServerChanged %.1f us, buildFromNothing %.1f us,"
                            + " routeFullName %.1f ns, routeBareName %.1f ns%n",
                    round,
                    (rebuilt - start) / 20_000 / 1e3,
                    (built - rebuilt) / 2_000 / 1e3,
                    (routedFull - built) / 5e6,
                    (routedBare - routedFull) / 5e6);
        }
        System.out.println("(checksum " + sink + ")");
    }

    private Catalog current() {
        Catalog c = catalog;
        if (c == null) {
            throw new IllegalStateException("catalog: null (expected: @Setup to have run)");
        }
        return c;
    }
}
