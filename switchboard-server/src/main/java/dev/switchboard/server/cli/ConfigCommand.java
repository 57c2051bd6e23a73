package dev.switchboard.server.cli;

import dev.switchboard.core.config.ConfigSnapshot;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that reads a configuration file: its {@code --config} and {@code --verbose} options, the
 * top command's environment and streams, and the file read or its problems printed.
 */
abstract class ConfigCommand implements Callable<Integer> {
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    @ParentCommand
    SwitchboardCommand parent;

    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config = new ConfigOption();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    /**
     * The valid configuration, with {@code ${VAR}} expanded from the environment, or {@code null}
     * after printing every problem to {@code err}.
     */
    @Nullable
    ConfigSnapshot loadConfig(PrintWriter err) {
        return config.loadOrReport(parent.environment(), err);
    }
}
