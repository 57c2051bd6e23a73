package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.switchboard.server.ops.CallLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StderrLoggingTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream originalErr = System.err;
    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void captureStandardError() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.start();
        StderrLogging.install(context);
    }

    @AfterEach
    void restore() {
        context.stop();
        System.setErr(originalErr);
    }

    @Test
    void writesEveryCallLineInOrderOnceFlushedEvenBeyondTheQueue() {
        Logger calls = context.getLogger(CallLog.LOGGER);
        int count = 20_000; // more than the background queue holds: the caller waits, nothing is dropped
        for (int i = 0; i < count; i++) {
            calls.info("call server=s tool=t outcome=success duration_ms=0 user=u{}", i);
        }

        StderrLogging.flush(context);

        List<String> lines = lines();
        assertThat(lines).hasSize(count);
        assertThat(lines)
                .extracting(line -> line.substring(line.lastIndexOf("user=u") + "user=u".length()))
                .containsExactlyElementsOf(
                        IntStream.range(0, count).mapToObj(Integer::toString).toList());
        assertThat(lines.get(0)).contains("INFO").contains("[main]").contains(CallLog.LOGGER);
    }

    @Test
    void afterTheFlushCallLinesAreWrittenDirectlyAndOtherLoggersStillWork() {
        StderrLogging.flush(context);

        context.getLogger(CallLog.LOGGER).info("call server=s tool=t outcome=success duration_ms=0 user=late");
        context.getLogger("dev.switchboard.other").warn("still here");

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).endsWith("user=late");
        assertThat(lines().get(1)).endsWith("still here");
    }

    @Test
    void otherLoggersWriteAtOnceAndJettyOnlyFromWarn() {
        context.getLogger("dev.switchboard.other").info("at once");
        context.getLogger("org.eclipse.jetty.server.Server").info("banner");

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).endsWith("at once"));
    }

    private List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
