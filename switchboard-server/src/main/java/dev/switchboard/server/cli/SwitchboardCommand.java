package dev.switchboard.server.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The {@code switchboard} command line: the entry point of the launcher script. Subcommands that
 * read a configuration expand its variables from {@link #environment()}, which tests replace.
 */
@Command(
        name = "switchboard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            ServeCommand.class,
            CheckCommand.class,
            ServersCommand.class,
            ToolsCommand.class,
            CallCommand.class,
            StdioCommand.class,
            DemoServerCommand.class
        },
        description = "An MCP gateway for the JVM.")
public final class SwitchboardCommand implements Callable<Integer> {
    private final Map<String, String> environment;

    /** The command line of this process, with its environment. */
    public SwitchboardCommand() {
        this(System.getenv());
    }

    SwitchboardCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** The environment that {@code ${VAR}} in a configuration expands from. */
    Map<String, String> environment() {
        return environment;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /**
     * The command line of {@code command}, as {@link #main} runs it: enum values in any case, and an
     * unexpected failure reported as one line on standard error with status 1, never a stack trace.
     */
    static CommandLine commandLine(SwitchboardCommand command) {
        return new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new OneLineFailure());
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = commandLine(new SwitchboardCommand()).execute(args);
        StderrLogging.flush();
        System.exit(status);
    }

    /** Reports an exception no subcommand handled as {@code switchboard COMMAND: Type: message}. */
    private static final class OneLineFailure implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine failed, ParseResult parsed) {
            PrintWriter err = failed.getErr();
            err.println(failed.getCommandSpec().qualifiedName() + ": " + Failures.describe(e));
            err.flush();
            return 1;
        }
    }
}
