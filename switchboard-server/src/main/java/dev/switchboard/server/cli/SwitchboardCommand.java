package dev.switchboard.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code switchboard} command line: the entry point of the launcher script. */
@Command(
        name = "switchboard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {ServeCommand.class, DemoServerCommand.class},
        description = "An MCP gateway for the JVM.")
public final class SwitchboardCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int status = new CommandLine(new SwitchboardCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
        System.exit(status);
    }
}
