package dev.switchboard.mcp.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.client.stdio.StdioServerParameters;
import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.testing.Interop;
import dev.switchboard.mcp.transport.Transport;
import java.time.Duration;
import java.util.List;

/** The stdio launches of the two targets, and what a released stdio session looks like. */
final class StdioTargets {
    private StdioTargets() {}

    /** The demo server in a new JVM on the test class path, started for a quick start. */
    static StdioServerParameters demo() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return StdioServerParameters.builder(java)
                .args("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m")
                .args("-cp", System.getProperty("java.class.path"), DemoServer.class.getName())
                .build();
    }

    /** server-everything in its stdio mode. */
    static StdioServerParameters serverEverything() {
        List<String> command = Interop.node(Interop.serverEverything(), "stdio");
        return StdioServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .build();
    }

    /** Waits until the child of a closed stdio transport is gone. */
    static void awaitExited(Transport closed, Duration wait) {
        StdioClientTransport stdio = (StdioClientTransport) closed;
        long pid = stdio.pid().orElseThrow();
        assertThat(stdio.isRunning()).isFalse();
        await().atMost(wait)
                .alias("process " + pid + " of " + stdio.describe() + " to exit")
                .until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
