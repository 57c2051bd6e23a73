package dev.switchboard.bench;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops this JVM's child processes by their process id. */
final class ChildProcesses {
    private ChildProcesses() {}

    /** Stops every process this JVM started that is still alive, and their children. */
    static void stopAll() {
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        for (ProcessHandle child : children) {
            stop(child);
        }
    }

    /** Stops {@code process} and its descendants: SIGTERM, then after 5 seconds SIGKILL. */
    static void stop(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!awaitExit(process, 5)) {
            process.destroyForcibly();
            awaitExit(process, 5);
        }
        for (ProcessHandle d : descendants) {
            d.destroyForcibly();
        }
    }

    private static boolean awaitExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException | TimeoutException e) {
            return !process.isAlive();
        }
    }
}
