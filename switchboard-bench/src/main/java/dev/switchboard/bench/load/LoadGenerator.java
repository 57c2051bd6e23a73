package dev.switchboard.bench.load;

import dev.switchboard.mcp.McpRuntime;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator's command line: drives N concurrent MCP sessions against a Streamable HTTP URL
 * or a stdio command, each calling one tool in a loop, and prints calls per second, latency
 * percentiles and errors by kind, then one JSON line. See {@link LoadOptions#USAGE}.
 *
 * <p>Exit status: 0 when the run measured (failed calls are in the output), 1 when no session could
 * be opened, 2 on bad usage, 3 when the run overran its hard deadline (warm-up, duration, two call
 * timeouts and a minute).
 */
public final class LoadGenerator {
    private LoadGenerator() {}

    /** Runs one load as the arguments say, then exits. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(LoadOptions.USAGE);
            System.exit(0);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load-generator: " + e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        startDeadline(options, out);
        JsonMapper mapper = JsonMapper.builder().build();
        LoadResult result;
        try (McpRuntime runtime = new McpRuntime()) {
            result = new LoadRunner(options, runtime).run();
        }
        if (!options.quiet()) {
            out.print(result.describe());
        }
        out.println(mapper.writeValueAsString(result.toJson(mapper)));
        out.flush();
        // stdio sessions may leave threads of their own behind; the run is over
        System.exit(result.error() == null ? 0 : 1);
    }

    /** Ends the process with status 3 when the run takes far longer than it can. */
    private static void startDeadline(LoadOptions options, PrintStream out) {
        Duration limit = options.warmup()
                .plus(options.duration())
                .plus(options.callTimeout().multipliedBy(3))
                .plusMinutes(1);
        Thread.ofPlatform().daemon().name("load-deadline").start(() -> {
            try {
                Thread.sleep(limit);
            } catch (InterruptedException e) {
                return;
            }
            out.println("{\"client\":\"java\",\"label\":" + quote(options.label()) + ",\"error\":\"hard deadline "
                    + limit.toSeconds() + " s reached\"}");
            out.flush();
            Runtime.getRuntime().halt(3);
        });
    }

    private static String quote(String text) {
        return JsonMapper.builder().build().writeValueAsString(text);
    }
}
