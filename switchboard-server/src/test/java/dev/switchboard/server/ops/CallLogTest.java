package dev.switchboard.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.core.lifecycle.ErrorPhase;
import dev.switchboard.core.lifecycle.ServerConnectException;
import dev.switchboard.mcp.session.McpTimeoutException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

class CallLogTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong();
    private final CallLog callLog = new CallLog(registry, nanos::get);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CallLog.LOGGER);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void logsOneLineWithServerToolOutcomeDurationAndUser() {
        CallLog.Call call = callLog.start("github", "search_issues", "alice");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(42));
        call.finish(JsonMapper.builder().build().readTree("{\"content\":[]}"));

        assertThat(lines.list)
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .isEqualTo("call server=github tool=search_issues outcome=success duration_ms=42 user=alice"));
    }

    @Test
    void namesTheOutcomeOfToolErrorsAndFailures() {
        callLog.start("s", "t", null).finish(JsonMapper.builder().build().readTree("{\"isError\":true}"));
        callLog.start("s", "t", null).failed(new McpTimeoutException("tools/call", Duration.ofSeconds(1)));
        callLog.start("s", "t", null)
                .failed(new ServerConnectException("s", ErrorPhase.PROCESS_START, "exited", List.of(), null));

        assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .allMatch(line -> line.endsWith("user=-"))
                .anyMatch(line -> line.contains("outcome=tool_error"))
                .anyMatch(line -> line.contains("outcome=timeout"))
                .anyMatch(line -> line.contains("outcome=server_unavailable"));
    }

    @Test
    void quotesValuesThatAreNotPlainWordsSoALineCannotBeForged() {
        callLog.start("s", "t", "eve\nINFO call server=x").outcome(CallOutcomes.SUCCESS);

        assertThat(lines.list.get(0).getFormattedMessage()).endsWith("user=\"eve\\nINFO call server=x\"");
    }

    @Test
    void recordsATimerByServerAndOutcome() {
        CallLog.Call call = callLog.start("github", "x", "alice");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(7));
        call.outcome(CallOutcomes.SUCCESS);

        Timer timer = registry.get("switchboard.gateway.calls")
                .tag("server", "github")
                .tag("outcome", "success")
                .timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7.0);
        assertThat(timer.getId().getTags()).extracting(t -> t.getKey()).containsExactlyInAnyOrder("server", "outcome");
    }

    @Test
    void countsCallsInFlightAndFinishesEachOnce() {
        CallLog.Call first = callLog.start("s", "t", null);
        CallLog.Call second = callLog.start("s", "t", null);
        first.outcome(CallOutcomes.SUCCESS);
        first.outcome(CallOutcomes.SUCCESS);

        assertThat(callLog.inFlight()).isEqualTo(1);
        assertThat(callLog.awaitIdle(Duration.ofMillis(1))).isFalse();
        second.outcome(CallOutcomes.SUCCESS);
        assertThat(callLog.awaitIdle(Duration.ZERO)).isTrue();
        assertThat(lines.list).hasSize(2);
    }
}
