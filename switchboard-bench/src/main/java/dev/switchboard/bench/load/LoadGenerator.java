package dev.switchboard.bench.load;

import dev.switchboard.mcp.McpRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The load generator's command line: drives N concurrent MCP sessions against a Streamable HTTP URL
 * or a stdio command, each calling one tool in a loop, and prints calls per second, latency
 * percentiles and errors by kind, then one JSON line. See {@link LoadOptions#USAGE}.
 *
 * <p>With {@code --stdin} it runs one load per line of standard input (the options separated by
 * tabs) and prints only each run's JSON line, until the input ends: a comparison script keeps one
 * JVM, whose JIT-compiled client code then serves every run, as a long-running client's would.
 *
 * <p>Exit status: 0 when the run measured (failed calls are in the output), 1 when no session could
 * be opened, 2 on bad usage, 3 when a run overran its hard deadline (warm-up, duration, three call
 * timeouts and a minute).
 */
public final class LoadGenerator {
    private final PrintStream out;
    private final JsonMapper mapper = JsonMapper.builder().build();

    private LoadGenerator(PrintStream out) {
        this.out = out;
    }

    /** Runs one load as the arguments say, or one per line of standard input with {@code --stdin}. */
    public static void main(String[] args) throws InterruptedException, IOException {
        LoadGenerator generator = new LoadGenerator(new PrintStream(System.out, true, StandardCharsets.UTF_8));
        List<String> list = Arrays.asList(args);
        if (list.contains("--help") || list.contains("-h")) {
            generator.out.print(LoadOptions.USAGE);
            System.exit(0);
            return;
        }
        if (list.equals(List.of("--stdin"))) {
            generator.serveStdin();
            System.exit(0);
            return;
        }
        // stdio sessions may leave threads of their own behind; the run is over
        System.exit(generator.runOnce(args, false));
    }

    private void serveStdin() throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // bounded by the input: the script that started this JVM closes it when done
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                runOnce(line.split("\t"), true);
            }
        }
    }

    /** Runs one load; returns the exit status it stands for. */
    private int runOnce(String[] args, boolean onlyJson) throws InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (onlyJson) {
                ObjectNode error =
                        mapper.createObjectNode().put("client", "java").put("error", e.getMessage());
                out.println(mapper.writeValueAsString(error));
            } else {
                System.err.println("load-generator: " + e.getMessage());
                System.err.print(LoadOptions.USAGE);
            }
            return 2;
        }
        Thread deadline = startDeadline(options);
        LoadResult result;
        try (McpRuntime runtime = new McpRuntime()) {
            result = new LoadRunner(options, runtime).run();
        } finally {
            deadline.interrupt();
        }
        if (!options.quiet() && !onlyJson) {
            out.print(result.describe());
        }
        out.println(mapper.writeValueAsString(result.toJson(mapper)));
        out.flush();
        return result.error() == null ? 0 : 1;
    }

    /** Ends the process with status 3 when a run takes far longer than it can. */
    private Thread startDeadline(LoadOptions options) {
        Duration limit = options.warmup()
                .plus(options.duration())
                .plus(options.callTimeout().multipliedBy(3))
                .plusMinutes(1);
        return Thread.ofPlatform().daemon().name("load-deadline").start(() -> {
            try {
                Thread.sleep(limit);
            } catch (InterruptedException e) {
                return;
            }
            ObjectNode error = mapper.createObjectNode()
                    .put("client", "java")
                    .put("label", options.label())
                    .put("error", "hard deadline " + limit.toSeconds() + " s reached");
            out.println(mapper.writeValueAsString(error));
            out.flush();
            Runtime.getRuntime().halt(3);
        });
    }
}
