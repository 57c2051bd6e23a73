package dev.switchboard.bench.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A configuration file with many lazy servers, for start-up and scale measurements: {@code
 * ScaleConfig --servers 1000 [--remote URL] [--json] [--command CMD --arg A ...] --out FILE}.
 *
 * <p>Each server is named {@code s0001}, {@code s0002}, ... (as wide as the count needs), lazy (the
 * default: never connected until used) and either a stdio server started with the command, by
 * default the quick start's demo server {@code ${SWITCHBOARD_HOME}/switchboard demo-server}, or,
 * with {@code --remote}, a Streamable HTTP server at the URL with {@code {name}} replaced by the
 * server's name. The gateway listens on {@code 127.0.0.1:0}. Immutable.
 *
 * @param servers how many servers, at least 1
 * @param command the program of each stdio server
 * @param args its arguments
 * @param remoteUrl when not null, remote servers at this URL instead of stdio ones
 * @param json JSON instead of YAML
 */
public record ScaleConfig(
        int servers,
        String command,
        List<String> args,
        @Nullable String remoteUrl,
        boolean json) {
    /** The quick start's demo server command. */
    public static final String DEMO_COMMAND = "${SWITCHBOARD_HOME}/switchboard";

    static final String USAGE = """
            usage: ScaleConfig [--servers N] [--remote URL] [--json] [--command CMD] [--arg A]... --out FILE
              --servers N     how many lazy servers (default 1000)
              --remote URL    remote (Streamable HTTP) servers at URL, {name} replaced by each name
              --json          write JSON instead of YAML
              --command CMD   each stdio server's program (default ${SWITCHBOARD_HOME}/switchboard)
              --arg A         one argument of it, repeatable (default: demo-server)
              --out FILE      where to write
            """;

    /** Checks the values. */
    public ScaleConfig {
        if (servers < 1) {
            throw new IllegalArgumentException("servers: " + servers + " (expected: at least 1)");
        }
        Objects.requireNonNull(command, "command");
        args = List.copyOf(args);
    }

    /** {@code servers} lazy demo servers over stdio, in YAML. */
    public static ScaleConfig stdio(int servers) {
        return new ScaleConfig(servers, DEMO_COMMAND, List.of("demo-server"), null, false);
    }

    /** These servers as remote ones at {@code url} ({@code {name}} replaced by each name). */
    public ScaleConfig withRemote(String url) {
        return new ScaleConfig(servers, command, args, Objects.requireNonNull(url, "url"), json);
    }

    /** This configuration written as JSON ({@code true}) or YAML. */
    public ScaleConfig withJson(boolean value) {
        return new ScaleConfig(servers, command, args, remoteUrl, value);
    }

    /** The name of the {@code index}-th server, counting from 1. */
    public String name(int index) {
        int width = Integer.toString(servers).length();
        return String.format(Locale.ROOT, "s%0" + width + "d", index);
    }

    /** The file's text. */
    public String render() {
        return json ? renderJson() : renderYaml();
    }

    /** Writes the file, replacing it. */
    public void write(Path file) throws IOException {
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    private String renderYaml() {
        StringBuilder out = new StringBuilder(servers * 120 + 200);
        out.append("# ").append(describe()).append('\n');
        out.append("mcpServers:\n");
        for (int i = 1; i <= servers; i++) {
            out.append("  ").append(name(i)).append(":\n");
            if (remoteUrl != null) {
                out.append("    url: ").append(quote(url(i))).append('\n');
            } else {
                out.append("    command: ").append(quote(command)).append('\n');
                out.append("    args: ").append(array(args)).append('\n');
            }
        }
        out.append("gateway:\n  listen: \"127.0.0.1:0\"\n");
        return out.toString();
    }

    private String renderJson() {
        StringBuilder out = new StringBuilder(servers * 120 + 200);
        out.append("{\n  \"mcpServers\": {\n");
        for (int i = 1; i <= servers; i++) {
            out.append("    ").append(quote(name(i))).append(": {");
            if (remoteUrl != null) {
                out.append("\"url\": ").append(quote(url(i)));
            } else {
                out.append("\"command\": ")
                        .append(quote(command))
                        .append(", \"args\": ")
                        .append(array(args));
            }
            out.append(i < servers ? "},\n" : "}\n");
        }
        out.append("  },\n  \"gateway\": {\"listen\": \"127.0.0.1:0\"}\n}\n");
        return out.toString();
    }

    private String describe() {
        return servers + " lazy " + (remoteUrl != null ? "remote" : "stdio") + " servers, written by "
                + ScaleConfig.class.getName();
    }

    private String url(int index) {
        return Objects.requireNonNull(remoteUrl).replace("{name}", name(index));
    }

    private static String array(List<String> values) {
        List<String> quoted = new ArrayList<>(values.size());
        values.forEach(v -> quoted.add(quote(v)));
        return "[" + String.join(", ", quoted) + "]";
    }

    /** A JSON string literal, which is also a YAML double-quoted scalar. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Writes the file the arguments describe; exit status 2 on bad usage. */
    public static void main(String[] argv) throws IOException {
        try {
            Parsed parsed = parse(List.of(argv));
            parsed.config().write(parsed.out());
            System.err.println("scale-config: " + parsed.config().describe() + " -> " + parsed.out());
        } catch (IllegalArgumentException e) {
            System.err.println("scale-config: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    /** A configuration and where to write it. */
    record Parsed(ScaleConfig config, Path out) {}

    /** Parses the command line; throws {@link IllegalArgumentException} naming what is wrong. */
    static Parsed parse(List<String> argv) {
        int servers = 1000;
        String command = DEMO_COMMAND;
        List<String> args = new ArrayList<>();
        @Nullable String remote = null;
        boolean json = false;
        @Nullable Path out = null;
        for (int i = 0; i < argv.size(); i++) {
            String option = argv.get(i);
            switch (option) {
                case "--json" -> json = true;
                case "--servers" -> servers = parseCount(value(argv, ++i, option));
                case "--remote" -> remote = value(argv, ++i, option);
                case "--command" -> command = value(argv, ++i, option);
                case "--arg" -> args.add(value(argv, ++i, option));
                case "--out" -> out = Path.of(value(argv, ++i, option));
                default -> throw new IllegalArgumentException(option + ": unknown option");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out: missing (expected: the file to write)");
        }
        List<String> finalArgs = args.isEmpty() && command.equals(DEMO_COMMAND) ? List.of("demo-server") : args;
        ScaleConfig config = new ScaleConfig(servers, command, finalArgs, remote, json);
        return new Parsed(config, out);
    }

    private static String value(List<String> argv, int index, String option) {
        if (index >= argv.size()) {
            throw new IllegalArgumentException(option + ": missing value");
        }
        return argv.get(index);
    }

    private static int parseCount(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--servers: " + value + " (expected: 1 to 100000)");
    }
}
