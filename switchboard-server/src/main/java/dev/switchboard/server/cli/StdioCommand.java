package dev.switchboard.server.cli;

import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.ConfigException;
import dev.switchboard.core.config.ConfigSnapshot;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.server.stdio.StdioServerTransport;
import dev.switchboard.server.mcp.McpViews;
import dev.switchboard.server.ops.ConfigWatcher;
import dev.switchboard.server.ops.Reloader;
import dev.switchboard.server.ops.SighupTrigger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;

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
final class StdioCommand extends ConfigCommand {
    @Override
    public Integer call() {
        logging.apply();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> environment = parent.environment();
        ConfigSnapshot snapshot = config.loadOrReport(environment, err);
        if (snapshot == null) {
            return 1;
        }
        try (McpRuntime runtime = new McpRuntime();
                Switchboard switchboard = Switchboard.builder()
                        .config(snapshot.config())
                        .environment(environment)
                        .runtime(runtime)
                        .build();
                McpViews views = new McpViews(switchboard, runtime);
                ConfigWatcher watcher = watch(switchboard, config.file, err)) {
            StdioServerTransport.serve(views.aggregate(), runtime);
            return 0;
        } catch (ConfigException e) {
            ConfigOption.print(e.errors(), err);
            return 1;
        }
    }

    /** Reloads the file when it changes and on {@code SIGHUP}, as {@code serve} does. */
    private static ConfigWatcher watch(Switchboard switchboard, Path file, PrintWriter err) {
        Reloader reloader = new Reloader(switchboard, file, result -> {});
        ConfigWatcher watcher =
                new ConfigWatcher(file, Duration.ofMillis(300), () -> reloader.reload("file change"), System::nanoTime);
        try {
            watcher.start();
        } catch (IOException e) {
            err.println("stdio: cannot watch " + file + " for changes (" + e.getMessage() + "); reload with SIGHUP");
            err.flush();
        }
        SighupTrigger.install(
                () -> reloader.reload("SIGHUP"),
                action -> Thread.ofVirtual().name("sighup-reload").start(action));
        return watcher;
    }
}
