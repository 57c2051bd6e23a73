package dev.switchboard.server.cli;

import dev.switchboard.core.config.ConfigError;
import dev.switchboard.core.config.ConfigException;
import dev.switchboard.core.config.ListenAddress;
import dev.switchboard.server.Gateway;
import dev.switchboard.server.GatewayBuilder;
import dev.switchboard.server.mcp.McpViewMount;
import dev.switchboard.server.ops.SighupTrigger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard serve [--config FILE] [--listen HOST:PORT]}: runs the gateway until SIGTERM or
 * Ctrl-C, which drain the calls in flight and stop every child process. Without {@code --config} it
 * serves the quick start, {@code examples/quickstart.yaml}. {@code SIGHUP} reloads the file (POSIX
 * only).
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Runs the gateway: MCP endpoints, admin API, metrics, hot reload.")
final class ServeCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The configuration file, JSON or YAML (default: the quick start, examples/quickstart.yaml).")
    @Nullable
    Path config;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            description = "Where to listen instead of the file's gateway.listen (default 127.0.0.1:8808; port 0: any"
                    + " free port).")
    @Nullable
    String listen;

    private final PrintStream err;
    private final Map<String, String> environment;

    ServeCommand() {
        this(System.err, System.getenv());
    }

    ServeCommand(PrintStream err, Map<String, String> environment) {
        this.err = err;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        GatewayBuilder builder = Gateway.builder();
        if (listen != null) {
            ListenAddress address = Listen.parse(listen);
            if (address == null) {
                err.println("serve: --listen: " + listen + " (expected: HOST:PORT such as 127.0.0.1:8808, IPv6 in"
                        + " brackets)");
                return 2;
            }
            builder.listen(address);
        }
        Quickstart.Resolved file;
        try {
            file = config != null ? new Quickstart.Resolved(config, false) : Quickstart.resolve();
        } catch (IllegalStateException e) {
            err.println("serve: " + e.getMessage());
            return 1;
        }
        if (file.quickstart()) {
            err.println("serve: no --config given, serving the quick start " + file.path());
        }
        builder.configFile(file.path())
                .environment(Quickstart.environment(environment))
                .view(new McpViewMount());
        Gateway gateway;
        try {
            gateway = builder.start();
        } catch (ConfigException e) {
            err.println("serve: " + file.path() + " is invalid:");
            for (ConfigError error : e.errors().errors()) {
                err.println("  " + error);
            }
            return 1;
        } catch (IllegalStateException e) {
            err.println("serve: " + e.getMessage());
            return 1;
        }
        return runUntilStopped(gateway);
    }

    private int runUntilStopped(Gateway gateway) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            gateway.close();
                            StderrLogging.flush();
                            stopped.countDown();
                        },
                        "gateway-shutdown"));
        SighupTrigger.install(
                () -> gateway.reload("SIGHUP"),
                action -> Thread.ofVirtual().name("sighup-reload").start(action));
        try {
            // The shutdown hook ends the process; this thread only keeps the JVM alive until then.
            while (!stopped.await(1, TimeUnit.HOURS)) {
                continue;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gateway.close();
        }
        return 0;
    }
}
