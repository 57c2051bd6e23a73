package dev.switchboard.server.cli;

import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.ConfigError;
import dev.switchboard.core.config.ConfigException;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.server.stdio.StdioServerTransport;
import dev.switchboard.server.mcp.McpViews;
import dev.switchboard.server.ops.ConfigWatcher;
import dev.switchboard.server.ops.Reloader;
import dev.switchboard.server.ops.SighupTrigger;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard stdio --config FILE}: the aggregate view over standard input and output, for
 * desktop clients that start their MCP servers as processes. Standard output carries nothing but
 * protocol messages; logs go to standard error. Runs until the client closes standard input, then
 * stops every server's process. The file is reloaded when it changes and on {@code SIGHUP}, and the
 * client is told with {@code list_changed} when that changes what it sees.
 */
@Command(
        name = "stdio",
        mixinStandardHelpOptions = true,
        description = "Serves the gateway's aggregate view over stdio, for desktop clients (logs go to stderr).")
final class StdioCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The configuration file, JSON or YAML.")
    @Nullable
    Path config;

    private final PrintStream err;

    StdioCommand() {
        this(System.err);
    }

    StdioCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        Path file = config;
        if (file == null) {
            err.println("stdio: --config: missing (expected: a configuration file)");
            return 2;
        }
        try (McpRuntime runtime = new McpRuntime();
                Switchboard switchboard =
                        Switchboard.builder().configFile(file).runtime(runtime).build();
                McpViews views = new McpViews(switchboard, runtime);
                ConfigWatcher watcher = watch(switchboard, file)) {
            StdioServerTransport.serve(views.aggregate(), runtime);
            return 0;
        } catch (ConfigException e) {
            err.println("stdio: " + file + " is invalid:");
            for (ConfigError error : e.errors().errors()) {
                err.println("  " + error);
            }
            return 1;
        }
    }

    /** Reloads the file when it changes and on {@code SIGHUP}, as {@code serve} does. */
    private ConfigWatcher watch(Switchboard switchboard, Path file) {
        Reloader reloader = new Reloader(switchboard, file, result -> {});
        ConfigWatcher watcher =
                new ConfigWatcher(file, Duration.ofMillis(300), () -> reloader.reload("file change"), System::nanoTime);
        try {
            watcher.start();
        } catch (IOException e) {
            err.println("stdio: cannot watch " + file + " for changes (" + e.getMessage() + "); reload with SIGHUP");
        }
        SighupTrigger.install(
                () -> reloader.reload("SIGHUP"),
                action -> Thread.ofVirtual().name("sighup-reload").start(action));
        return watcher;
    }
}
