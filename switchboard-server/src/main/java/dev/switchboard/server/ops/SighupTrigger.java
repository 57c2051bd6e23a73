package dev.switchboard.server.ops;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs an action when the process gets {@code SIGHUP}, the Unix convention for "reload your
 * configuration". POSIX only: on Windows there is no such signal and {@link #install} returns
 * false. A signal handler belongs to the whole JVM, so only the command line installs one (never a
 * gateway started inside a test or an embedding application).
 */
public final class SighupTrigger {
    private static final Logger log = LoggerFactory.getLogger(SighupTrigger.class);

    private SighupTrigger() {}

    /**
     * Installs the handler: each {@code SIGHUP} runs {@code action} on {@code executor} (never on
     * the JVM's signal thread).
     *
     * @return whether the handler is installed; false where the platform has no {@code SIGHUP} or
     *     the JVM reserves it (for example with {@code -Xrs})
     */
    public static boolean install(Runnable action, Executor executor) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(executor, "executor");
        try {
            Signal.handle(new Signal("HUP"), signal -> executor.execute(action));
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.info(
                    "SIGHUP is not available on this platform ({}); reload with the admin API or a file change",
                    e.getMessage());
            return false;
        }
    }
}
