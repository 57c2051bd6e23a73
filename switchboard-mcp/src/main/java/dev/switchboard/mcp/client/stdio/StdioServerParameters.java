package dev.switchboard.mcp.client.stdio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to launch and stop one MCP server that speaks over its stdin and stdout. Immutable; build one
 * with {@link #builder(String)}.
 *
 * @param command the program: a path, or a name looked up on the {@code PATH} the child will see
 * @param args the arguments, in order
 * @param env variables set for the child, on top of the base environment (values may be secrets:
 *     they never appear in logs or errors)
 * @param inheritEnvironment whether the base environment is this JVM's whole environment; when
 *     false (the default) it holds only the variables named in {@link #BASE_ENVIRONMENT}
 * @param workingDirectory the child's working directory, or {@code null} for this JVM's
 * @param maxLineBytes the longest stdout line accepted, in bytes; a longer line is discarded and
 *     logged; default 4 MiB
 * @param stderrLines how many recent stderr lines are kept for status and errors; default 200
 * @param writeTimeout how long a send may wait for the child to take earlier messages off its stdin
 *     before the child is considered stuck and stopped; default 30 s
 * @param closeStdinGrace on close, how long to wait for the child to exit after its stdin was
 *     closed; default 2 s
 * @param terminateGrace how long to wait after SIGTERM (or its platform equivalent) before killing;
 *     default 2 s
 * @param killGrace how long to wait after SIGKILL for the processes to be gone; default 1 s
 * @param ownProcessGroup whether to start the child in a session and process group of its own
 *     (through {@code setsid}, on Linux only), so that every process it spawns can be found and
 *     stopped even after the child itself exited; default true
 */
public record StdioServerParameters(
        String command,
        List<String> args,
        Map<String, String> env,
        boolean inheritEnvironment,
        @Nullable Path workingDirectory,
        int maxLineBytes,
        int stderrLines,
        Duration writeTimeout,
        Duration closeStdinGrace,
        Duration terminateGrace,
        Duration killGrace,
        boolean ownProcessGroup) {

    /**
     * The variables a child gets from this JVM's environment when {@link #inheritEnvironment} is
     * false (names compared ignoring case): what programs need to find executables, a home, a temp
     * directory, a locale and, on Windows, the system. Anything else, such as credentials, tokens or
     * proxy settings, reaches the child only through {@link #env}.
     */
    public static final List<String> BASE_ENVIRONMENT = List.of(
            "PATH",
            "HOME",
            "USER",
            "LOGNAME",
            "SHELL",
            "TERM",
            "TMPDIR",
            "TZ",
            "LANG",
            "LANGUAGE",
            "LC_ALL",
            "LC_CTYPE",
            "LC_MESSAGES",
            "SystemRoot",
            "SystemDrive",
            "windir",
            "ComSpec",
            "PATHEXT",
            "TEMP",
            "TMP",
            "USERNAME",
            "USERPROFILE",
            "HOMEDRIVE",
            "HOMEPATH",
            "APPDATA",
            "LOCALAPPDATA",
            "ProgramData",
            "ProgramFiles",
            "PROCESSOR_ARCHITECTURE");

    /** Default {@link #maxLineBytes}: 4 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;
    /** Default {@link #stderrLines}: 200. */
    public static final int DEFAULT_STDERR_LINES = 200;

    private static final int MIN_LINE_BYTES = 1024;
    private static final int MAX_LINE_BYTES = 1024 * 1024 * 1024;
    private static final int MAX_STDERR_LINES = 10_000;
    private static final Duration MAX_WRITE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MAX_GRACE = Duration.ofMinutes(1);

    /**
     * Copies the collections and checks every field.
     *
     * @throws IllegalArgumentException naming the first field out of range
     * @throws NullPointerException when a required field, an argument or a variable is null
     */
    public StdioServerParameters {
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("command: \"" + command + "\" (expected: a program name or path)");
        }
        args = List.copyOf(args);
        env = Map.copyOf(env);
        for (String name : env.keySet()) {
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(
                        "env: \"" + name + "\" (expected: a variable name without '=' or NUL)");
            }
        }
        checkRange("maxLineBytes", maxLineBytes, MIN_LINE_BYTES, MAX_LINE_BYTES);
        checkRange("stderrLines", stderrLines, 1, MAX_STDERR_LINES);
        checkDuration("writeTimeout", writeTimeout, false, MAX_WRITE_TIMEOUT);
        checkDuration("closeStdinGrace", closeStdinGrace, true, MAX_GRACE);
        checkDuration("terminateGrace", terminateGrace, true, MAX_GRACE);
        checkDuration("killGrace", killGrace, true, MAX_GRACE);
    }

    /** A builder for {@code command} with the defaults. */
    public static Builder builder(String command) {
        return new Builder(command);
    }

    /** Parameters for {@code command args...} with every default. */
    public static StdioServerParameters of(String command, String... args) {
        return builder(command).args(args).build();
    }

    /** This launch as {@code command arg1 arg2 ...}, without the environment; for logs and errors. */
    public String commandLine() {
        StringBuilder s = new StringBuilder(command);
        for (String arg : args) {
            s.append(' ').append(arg);
        }
        return s.toString();
    }

    /** The sum of the three shutdown graces: the longest that stopping the child may wait. */
    public Duration shutdownBudget() {
        return closeStdinGrace.plus(terminateGrace).plus(killGrace);
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + ": " + value + " (expected: between " + min + " and " + max + ")");
        }
    }

    private static void checkDuration(String name, Duration value, boolean zeroAllowed, Duration max) {
        Objects.requireNonNull(value, name);
        boolean tooSmall = value.isNegative() || (!zeroAllowed && value.isZero());
        if (tooSmall || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: "
                    + (zeroAllowed ? "zero or positive" : "positive") + ", at most " + max + ")");
        }
    }

    /** Builds {@link StdioServerParameters}; not thread-safe. */
    public static final class Builder {
        private final String command;
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private boolean inheritEnvironment;
        private @Nullable Path workingDirectory;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private int stderrLines = DEFAULT_STDERR_LINES;
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration closeStdinGrace = Duration.ofSeconds(2);
        private Duration terminateGrace = Duration.ofSeconds(2);
        private Duration killGrace = Duration.ofSeconds(1);
        private boolean ownProcessGroup = true;

        private Builder(String command) {
            this.command = Objects.requireNonNull(command, "command");
        }

        /** Appends arguments. */
        public Builder args(String... values) {
            return args(Arrays.asList(values));
        }

        /** Appends arguments. */
        public Builder args(List<String> values) {
            for (String v : values) {
                args.add(Objects.requireNonNull(v, "args element"));
            }
            return this;
        }

        /** Sets one variable for the child, replacing a base value of the same name. */
        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets variables for the child. */
        public Builder env(Map<String, String> values) {
            values.forEach(this::env);
            return this;
        }

        /** Whether the child starts from this JVM's whole environment instead of a minimal one. */
        public Builder inheritEnvironment(boolean value) {
            this.inheritEnvironment = value;
            return this;
        }

        /** The child's working directory; {@code null} for this JVM's. */
        public Builder workingDirectory(@Nullable Path value) {
            this.workingDirectory = value;
            return this;
        }

        /** The longest stdout line accepted, in bytes. */
        public Builder maxLineBytes(int value) {
            this.maxLineBytes = value;
            return this;
        }

        /** How many recent stderr lines are kept. */
        public Builder stderrLines(int value) {
            this.stderrLines = value;
            return this;
        }

        /** How long a send may wait for stdin before the child is considered stuck. */
        public Builder writeTimeout(Duration value) {
            this.writeTimeout = value;
            return this;
        }

        /** The three shutdown graces: after closing stdin, after SIGTERM, after SIGKILL. */
        public Builder shutdownGraces(Duration closeStdin, Duration terminate, Duration kill) {
            this.closeStdinGrace = closeStdin;
            this.terminateGrace = terminate;
            this.killGrace = kill;
            return this;
        }

        /** Whether the child gets a session and process group of its own where supported. */
        public Builder ownProcessGroup(boolean value) {
            this.ownProcessGroup = value;
            return this;
        }

        /**
         * The parameters.
         *
         * @throws IllegalArgumentException when a value is out of range
         */
        public StdioServerParameters build() {
            return new StdioServerParameters(
                    command,
                    args,
                    env,
                    inheritEnvironment,
                    workingDirectory,
                    maxLineBytes,
                    stderrLines,
                    writeTimeout,
                    closeStdinGrace,
                    terminateGrace,
                    killGrace,
                    ownProcessGroup);
        }
    }
}
