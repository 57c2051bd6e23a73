package dev.switchboard.mcp.client.stdio;

import dev.switchboard.mcp.transport.TransportException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Starts a child process as {@link StdioServerParameters} describe it: the environment, the working
 * directory and, where the platform allows and the parameters ask for it, a session of its own.
 *
 * <p>The session comes from {@code setsid}, which on Linux makes the child (it execs in place, so
 * the pid Java sees is the server's) the leader of a new session and process group. Every process
 * the server spawns stays in that session unless it asks to leave, so the whole tree can be found
 * and stopped even after the server exited and its children were re-parented ({@link ProcessTree}).
 * It also detaches the server from the gateway's terminal, so a Ctrl-C meant for the gateway does
 * not kill the servers before the gateway stops them in order. Because {@code setsid} would start
 * even for a command that does not exist, the command is looked up first ({@link CommandResolver})
 * and a missing one fails here, like a direct start would.
 */
final class ProcessLauncher {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** A started child. */
    record Launched(Process process, boolean ownSession) {}

    private final Map<String, String> parentEnvironment;
    private final @Nullable Path setsid;

    /**
     * @param parentEnvironment this JVM's environment, the source of the base environment
     * @param setsid the {@code setsid} program, or {@code null} where there is none (or no {@code
     *     /proc} to find the session's members)
     */
    ProcessLauncher(Map<String, String> parentEnvironment, @Nullable Path setsid) {
        this.parentEnvironment = Map.copyOf(parentEnvironment);
        this.setsid = setsid;
    }

    /** A launcher for this machine: this JVM's environment, and {@code setsid} when it is usable. */
    static ProcessLauncher system() {
        boolean usable = Files.isExecutable(SETSID) && ProcSessions.system().available();
        return new ProcessLauncher(System.getenv(), usable ? SETSID : null);
    }

    /**
     * Starts the child.
     *
     * @param description names the transport in errors
     * @throws TransportException when the working directory or the command is missing, or the
     *     process cannot be started, with the reason the system gave
     */
    Launched launch(StdioServerParameters parameters, String description) {
        Map<String, String> environment = MinimalEnvironment.of(parentEnvironment, parameters);
        Path directory = parameters.workingDirectory();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new TransportException(description + ": cannot start: workingDirectory: " + directory
                    + " (expected: an existing directory)");
        }
        List<String> command = new ArrayList<>();
        boolean ownSession = parameters.ownProcessGroup() && setsid != null;
        if (ownSession) {
            if (CommandResolver.resolve(parameters.command(), environment, directory) == null) {
                throw new TransportException(
                        description + ": cannot start: " + notFound(parameters.command(), environment));
            }
            command.add(String.valueOf(setsid));
        }
        command.add(parameters.command());
        command.addAll(parameters.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        try {
            return new Launched(builder.start(), ownSession);
        } catch (IOException | RuntimeException e) {
            throw new TransportException(description + ": cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * Why {@code command} cannot be run, naming the command but not the PATH, which is long and
     * may say more about the machine than an error message should.
     */
    static String notFound(String command, Map<String, String> environment) {
        String why;
        if (command.indexOf('/') >= 0 || command.indexOf(File.separatorChar) >= 0) {
            why = "no executable file at that path";
        } else if (environment.get("PATH") == null) {
            why = "not found, since the PATH is not set";
        } else {
            why = "not found on the PATH";
        }
        return "command: " + command + ": " + why + " (expected: the name of an executable on the PATH, or the"
                + " path of an executable file)";
    }
}
