package dev.switchboard.server.ops;

import dev.switchboard.core.ReloadResult;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.config.ConfigError;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the configuration file into the engine, whatever asked for it (a file change, {@code
 * SIGHUP}, the admin API), and logs the result in one line: what was added, removed, updated and
 * left unchanged, or every problem of a file that was rejected (the configuration in effect then
 * stays). One reload at a time. Thread-safe.
 */
public final class Reloader {
    private static final Logger log = LoggerFactory.getLogger(Reloader.class);

    private final Switchboard switchboard;
    private final Path file;
    private final Consumer<ReloadResult> onApplied;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * A reloader of {@code file} into {@code switchboard}.
     *
     * @param onApplied runs after each applied reload, before it is logged (to apply gateway settings
     *     the engine does not own, such as auth)
     */
    public Reloader(Switchboard switchboard, Path file, Consumer<ReloadResult> onApplied) {
        this.switchboard = Objects.requireNonNull(switchboard, "switchboard");
        this.file = Objects.requireNonNull(file, "file");
        this.onApplied = Objects.requireNonNull(onApplied, "onApplied");
    }

    /**
     * Reloads the file and logs the result.
     *
     * @param trigger what asked, for the log line: {@code file change}, {@code SIGHUP}, {@code api}
     * @return the result; rejected (with every problem) when the file is missing or invalid
     */
    public ReloadResult reload(String trigger) {
        lock.lock();
        try {
            ReloadResult result = switchboard.reload(file);
            if (result.applied()) {
                onApplied.accept(result);
                log.info("Reload ({}) of {} applied: {}", trigger, file, describe(result));
            } else {
                log.warn(
                        "Reload ({}) of {} rejected, the configuration in effect is unchanged: {}",
                        trigger,
                        file,
                        result.errors().stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** The file reloaded. */
    public Path file() {
        return file;
    }

    /** {@code added [a], removed [], updated [b], unchanged [c, d]} and the gateway settings that changed. */
    static String describe(ReloadResult result) {
        String servers = "added " + result.added() + ", removed " + result.removed() + ", updated " + result.updated()
                + ", unchanged " + result.unchanged();
        List<String> gateway = result.gatewayChanges();
        return gateway.isEmpty() ? servers : servers + "; gateway settings changed: " + String.join(", ", gateway);
    }
}
