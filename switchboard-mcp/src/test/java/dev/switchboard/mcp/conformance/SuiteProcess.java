package dev.switchboard.mcp.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one command of the conformance suite to its end, within a bound: its output (stdout and
 * stderr together) goes to a file, and when the bound passes the process and everything it
 * started are stopped by PID.
 *
 * @param exitCode the exit status
 * @param output everything the command printed
 */
record SuiteProcess(int exitCode, String output) {

    /**
     * Runs {@code command} in {@code dir} with {@code env} added to this JVM's environment.
     *
     * @throws AssertionError when it does not end within {@code timeout}
     */
    static SuiteProcess run(List<String> command, Path dir, Map<String, String> env, Path log, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(
                        String.join(" ", command) + " did not end within " + timeout + "; its output:\n" + read(log));
            }
            return new SuiteProcess(process.exitValue(), read(log));
        } finally {
            stop(process);
        }
    }

    /**
     * {@code dir} as a new empty directory: the suite's result folders are listed by the scripts
     * that grade a run, so results of earlier runs must not stay beside them.
     */
    static Path freshDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir).toAbsolutePath();
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Ends the process and whatever it left running, by PID: SIGTERM, then SIGKILL. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The lines of the output that contain {@code marker}, joined. */
    String linesContaining(String marker) {
        return String.join("\n", output.lines().filter(l -> l.contains(marker)).toList());
    }
}
