package dev.switchboard.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.BreakerSettings;
import dev.switchboard.core.config.BulkheadSettings;
import dev.switchboard.core.config.Timeouts;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.McpTimeoutException;
import dev.switchboard.mcp.transport.SessionExpiredException;
import dev.switchboard.mcp.transport.TransportException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard with controllable futures, a fake clock and a fake timer: nothing here waits for real
 * time. Breaker: 50 % of the last 4 calls, 30 s open, 2 trial calls; bulkhead: 3; call timeout
 * 10 s; 2 retries from 100 ms.
 */
class ServerGuardTest {
    private static final Duration OPEN = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final FakeTime time = new FakeTime();
    private final ServerGuard guard = new ServerGuard(
            "github",
            new GuardSettings(
                    new BreakerSettings(50, 4, OPEN, 2),
                    new BulkheadSettings(3),
                    new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), CALL_TIMEOUT),
                    new RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(1))),
            new GuardEnvironment(time.clock(), time.scheduler(), Runnable::run, () -> 0.5));

    /** The futures the guarded calls returned, in the order they were started. */
    private final List<CompletableFuture<String>> sent = new ArrayList<>();

    private CompletableFuture<String> call(CallKind kind) {
        return guard.call(kind, () -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            sent.add(f);
            return f;
        });
    }

    private CompletableFuture<String> call() {
        return call(CallKind.TOOL_CALL);
    }

    private CompletableFuture<String> last() {
        return sent.getLast();
    }

    private static TransportException broken() {
        return new TransportException("stdio(demo): the process ended");
    }

    private static TransportException notSent() {
        return new TransportException("stdio(demo): not started", null, true);
    }

    private void succeed(int calls) {
        for (int i = 0; i < calls; i++) {
            call();
            last().complete("ok");
        }
    }

    private void fail(int calls) {
        for (int i = 0; i < calls; i++) {
            call();
            last().completeExceptionally(broken());
        }
    }

    private void open() {
        succeed(2);
        fail(2);
        assertThat(guard.status().state()).isEqualTo(BreakerState.OPEN);
    }

    private static Throwable failure(Future<?> future) {
        assertThat(future).isDone();
        try {
            future.get(0, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("succeeded: " + future);
    }

    @Test
    void opensWhenTheFailureRateOfTheWindowReachesTheThreshold() {
        succeed(2);
        fail(1);
        assertThat(guard.status().state()).isEqualTo(BreakerState.CLOSED);

        fail(1);

        BreakerStatus status = guard.status();
        assertThat(status.state()).isEqualTo(BreakerState.OPEN);
        assertThat(status.failureRate()).isEqualTo(50.0f);
        assertThat(status.bufferedCalls()).isEqualTo(4);
        assertThat(status.failedCalls()).isEqualTo(2);
        assertThat(status.halfOpenAt()).isEqualTo(time.now().plus(OPEN));
    }

    @Test
    void failsFastWhileOpenNamingTheServerTheStateAndWhenItHalfOpens() {
        open();
        int before = sent.size();

        Throwable e = failure(call());

        assertThat(sent).hasSize(before);
        assertThat(e).isInstanceOfSatisfying(CircuitOpenException.class, open -> {
            assertThat(open.server()).isEqualTo("github");
            assertThat(open.state()).isEqualTo(BreakerState.OPEN);
            assertThat(open.halfOpenAt()).isEqualTo(time.now().plus(OPEN));
        });
        assertThat(e.getMessage())
                .contains(
                        "server github",
                        "OPEN",
                        "2 of 4 calls failed",
                        time.now().plus(OPEN).toString());
        assertThat(guard.status().notPermittedCalls()).isEqualTo(1);
        assertThat(guard.count(CallOutcome.CIRCUIT_OPEN)).isEqualTo(1);
    }

    @Test
    void halfOpensAfterTheWaitAndClosesWhenTheTrialCallsSucceed() {
        open();
        time.advance(OPEN.minusMillis(1));
        assertThat(guard.status().state()).isEqualTo(BreakerState.OPEN);

        time.advance(Duration.ofMillis(2));
        assertThat(guard.status().state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(guard.status().halfOpenAt()).isNull();

        succeed(1);
        assertThat(guard.status().state()).isEqualTo(BreakerState.HALF_OPEN);
        succeed(1);
        assertThat(guard.status().state()).isEqualTo(BreakerState.CLOSED);
        assertThat(guard.status().bufferedCalls()).isZero();
    }

    @Test
    void opensAgainWhenTheTrialCallsFail() {
        open();
        time.advance(OPEN.plusMillis(1));

        fail(2);

        assertThat(guard.status().state()).isEqualTo(BreakerState.OPEN);
        assertThat(guard.status().halfOpenAt()).isEqualTo(time.now().plus(OPEN));
        assertThat(failure(call())).isInstanceOf(CircuitOpenException.class);
    }

    @Test
    void letsOnlyTheTrialCallsThroughWhileHalfOpen() {
        open();
        time.advance(OPEN.plusMillis(1));
        call();
        call();

        Throwable e = failure(call());

        assertThat(e).isInstanceOfSatisfying(CircuitOpenException.class, open -> {
            assertThat(open.state()).isEqualTo(BreakerState.HALF_OPEN);
            assertThat(open.halfOpenAt()).isNull();
        });
        assertThat(e.getMessage()).contains("all 2 trial calls in flight");
    }

    @Test
    void resetClosesAnOpenBreakerAndForgetsItsCalls() {
        open();

        guard.reset();

        assertThat(guard.status().state()).isEqualTo(BreakerState.CLOSED);
        assertThat(guard.status().bufferedCalls()).isZero();
        assertThat(guard.status().halfOpenAt()).isNull();
        assertThat(time.pendingTasks()).as("the half-open timer is cancelled").isZero();
        CompletableFuture<String> after = call();
        last().complete("ok");
        assertThat(after).isCompletedWithValue("ok");
    }

    @Test
    void rejectsCallsBeyondTheBulkheadWithoutSendingThemOrBlamingTheServer() {
        call();
        call();
        call();

        Throwable e = failure(call());

        assertThat(sent).hasSize(3);
        assertThat(e).isInstanceOfSatisfying(ServerBusyException.class, busy -> {
            assertThat(busy.server()).isEqualTo("github");
            assertThat(busy.maxConcurrentCalls()).isEqualTo(3);
        });
        assertThat(e.getMessage())
                .isEqualTo("server github is busy: calls in flight: 3"
                        + " (expected: fewer than bulkhead.maxConcurrentCalls 3)");
        assertThat(guard.status().callsInFlight()).isEqualTo(3);
        assertThat(guard.status().notPermittedCalls()).isZero();
        assertThat(guard.count(CallOutcome.BUSY)).isEqualTo(1);
    }

    @Test
    void anInterruptedCallerIsNotTakenForAFullBulkheadAndStaysInterrupted() {
        Thread.currentThread().interrupt();
        CompletableFuture<String> result = call();
        boolean stillInterrupted = Thread.interrupted();

        assertThat(stillInterrupted).isTrue();
        assertThat(result).isNotDone();
        assertThat(sent).hasSize(1);
    }

    @Test
    void givesTheBulkheadPermitBackOnEveryOutcome() {
        CompletableFuture<String> ok = call();
        CompletableFuture<String> failed = call();
        CompletableFuture<String> cancelled = call();
        assertThat(guard.status().callsInFlight()).isEqualTo(3);

        sent.get(0).complete("ok");
        sent.get(1).completeExceptionally(new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "kaput"));
        cancelled.cancel(true);
        assertThat(guard.status().callsInFlight()).isZero();

        CompletableFuture<String> timedOut = call();
        CompletableFuture<String> thrown = guard.call(CallKind.TOOL_CALL, () -> {
            throw new IllegalStateException("no session");
        });
        assertThat(guard.status().callsInFlight()).isEqualTo(1);
        time.advance(CALL_TIMEOUT);

        assertThat(ok).isCompletedWithValue("ok");
        assertThat(failure(failed)).isInstanceOf(JsonRpcException.class);
        assertThat(failure(thrown)).hasMessage("no session");
        assertThat(failure(timedOut)).isInstanceOf(McpTimeoutException.class);
        assertThat(guard.status().callsInFlight()).isZero();
        assertThat(guard.status().maxConcurrentCalls()).isEqualTo(3);
    }

    @Test
    void aCancelledCallCancelsTheRequestAndCountsNeitherWay() {
        CompletableFuture<String> result = call();

        result.cancel(true);

        assertThat(last()).as("the request is cancelled too").isCancelled();
        assertThat(guard.status().bufferedCalls()).isZero();
        assertThat(guard.count(CallOutcome.CANCELLED)).isEqualTo(1);
        assertThat(time.pendingTasks()).as("the timeout is cancelled").isZero();
    }

    @Test
    void aTimeoutFailsTheCallCancelsTheRequestAndCountsAgainstTheServer() {
        CompletableFuture<String> result = call();

        time.advance(CALL_TIMEOUT);

        assertThat(failure(result))
                .isInstanceOfSatisfying(
                        McpTimeoutException.class,
                        e -> assertThat(e.error().code()).isEqualTo(JsonRpcError.REQUEST_TIMEOUT))
                .hasMessageContaining("tool call to github got no response within 10000 ms");
        assertThat(last()).isCancelled();
        assertThat(guard.status().failedCalls()).isEqualTo(1);
        assertThat(guard.count(CallOutcome.TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aCallerTimeoutAppliesWhenShorterAndIsCappedByTheConfiguredOne() {
        CompletableFuture<String> shorter =
                guard.call(CallKind.TOOL_CALL, Duration.ofSeconds(1), CompletableFuture::new);
        CompletableFuture<String> longer = guard.call(CallKind.TOOL_CALL, Duration.ofHours(1), CompletableFuture::new);

        time.advance(Duration.ofSeconds(1));
        assertThat(shorter).isCompletedExceptionally();
        assertThat(longer).isNotDone();
        time.advance(CALL_TIMEOUT.minusSeconds(1));
        assertThat(longer).isCompletedExceptionally();
        assertThatThrownBy(() -> guard.call(CallKind.TOOL_CALL, Duration.ZERO, CompletableFuture::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout: PT0S (expected: a positive duration)");
    }

    @Test
    void aToolResultWithIsErrorAndCallerErrorsNeverOpenTheBreaker() {
        for (int i = 0; i < 4; i++) {
            call();
            last().complete("{\"content\":[],\"isError\":true}");
            call();
            last().completeExceptionally(new JsonRpcException(JsonRpcError.INVALID_PARAMS, "Unknown tool: x"));
            call();
            last().completeExceptionally(new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND, "no"));
        }

        assertThat(guard.status().state()).isEqualTo(BreakerState.CLOSED);
        assertThat(guard.status().failedCalls()).isZero();
        assertThat(guard.count(CallOutcome.ERROR_RESPONSE)).isEqualTo(8);
    }

    @Test
    void retriesAListingAfterATransportFailureWithGrowingBoundedPauses() {
        CompletableFuture<String> result = call(CallKind.LISTING);
        last().completeExceptionally(broken());

        // jitter draws 0.5: a pause is three quarters of 100 ms, then of 200 ms
        time.advance(Duration.ofMillis(74));
        assertThat(sent).hasSize(1);
        time.advance(Duration.ofMillis(1));
        assertThat(sent).hasSize(2);
        last().completeExceptionally(broken());
        time.advance(Duration.ofMillis(149));
        assertThat(sent).hasSize(2);
        time.advance(Duration.ofMillis(1));
        assertThat(sent).hasSize(3);
        TransportException lastFailure = new TransportException("third time");
        last().completeExceptionally(lastFailure);
        time.advance(Duration.ofSeconds(10));

        assertThat(sent).as("two retries at most").hasSize(3);
        assertThat(failure(result)).isSameAs(lastFailure);
        assertThat(guard.retries()).isEqualTo(2);
    }

    @Test
    void retriesAnInitializeThatTimedOutAndSucceedsOnTheRetry() {
        CompletableFuture<String> result = call(CallKind.INITIALIZE);
        time.advance(Duration.ofSeconds(5));
        assertThat(sent.getFirst()).isCancelled();

        time.advance(Duration.ofMillis(75));
        last().complete("initialized");

        assertThat(result).isCompletedWithValue("initialized");
        assertThat(sent).hasSize(2);
    }

    @Test
    void neverRetriesAToolCallThatMayHaveReachedTheServer() {
        CompletableFuture<String> transport = call(CallKind.TOOL_CALL);
        last().completeExceptionally(broken());
        CompletableFuture<String> internal = call(CallKind.OTHER);
        last().completeExceptionally(new JsonRpcException(JsonRpcError.INTERNAL_ERROR, "kaput"));
        CompletableFuture<String> timedOut = call(CallKind.TOOL_CALL);
        time.advance(CALL_TIMEOUT.plusSeconds(5));

        assertThat(sent).hasSize(3);
        assertThat(failure(transport)).isInstanceOf(TransportException.class);
        assertThat(failure(internal)).isInstanceOf(JsonRpcException.class);
        assertThat(failure(timedOut)).isInstanceOf(McpTimeoutException.class);
        assertThat(guard.retries()).isZero();
    }

    @Test
    void retriesAToolCallThatNeverReachedTheServer() {
        CompletableFuture<String> result = call(CallKind.TOOL_CALL);
        last().completeExceptionally(notSent());

        time.advance(Duration.ofMillis(75));
        last().complete("done once");

        assertThat(result).isCompletedWithValue("done once");
        assertThat(sent).hasSize(2);
    }

    @Test
    void neverRetriesCallerErrorsEvenForListings() {
        CompletableFuture<String> result = call(CallKind.LISTING);
        last().completeExceptionally(new JsonRpcException(JsonRpcError.INVALID_PARAMS, "bad cursor"));
        time.advance(Duration.ofSeconds(5));

        assertThat(sent).hasSize(1);
        assertThat(failure(result)).hasMessageContaining("bad cursor");
    }

    @Test
    void cancellingDuringTheBackoffStopsTheRetries() {
        CompletableFuture<String> result = call(CallKind.LISTING);
        last().completeExceptionally(broken());

        result.cancel(true);
        time.advance(Duration.ofSeconds(5));

        assertThat(sent).hasSize(1);
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void aRetryMeetingAnOpenBreakerFailsFast() {
        succeed(2);
        fail(1);
        CompletableFuture<String> result = call(CallKind.LISTING);
        last().completeExceptionally(broken());
        assertThat(guard.status().state()).isEqualTo(BreakerState.OPEN);

        time.advance(Duration.ofMillis(75));

        assertThat(failure(result)).isInstanceOf(CircuitOpenException.class);
        assertThat(sent).hasSize(4);
    }

    @Test
    void aCallerCancellationDuringTheCallReachesTheRequestEvenWhenStartedByARetry() {
        CompletableFuture<String> result = call(CallKind.LISTING);
        last().completeExceptionally(broken());
        time.advance(Duration.ofMillis(75));

        result.cancel(true);

        assertThat(sent).hasSize(2);
        assertThat(last()).isCancelled();
        assertThat(failure(result)).isInstanceOf(CancellationException.class);
        assertThat(guard.status().callsInFlight()).isZero();
    }

    /** Each failure: its class, whether it counts, and whether a listing and a tool call are retried. */
    static Stream<Arguments> failures() {
        return Stream.of(
                row(new TransportException("the process ended"), FailureClass.TRANSPORT, true, true, false),
                row(new TransportException("not started", null, true), FailureClass.UNPROCESSED, true, true, true),
                row(
                        new TransportException("POST failed", new ConnectException("Connection refused")),
                        FailureClass.UNPROCESSED,
                        true,
                        true,
                        true),
                row(
                        new SessionExpiredException("refused unprocessed", null, true),
                        FailureClass.UNPROCESSED,
                        true,
                        true,
                        true),
                row(
                        new SessionExpiredException("expired while streaming", null),
                        FailureClass.TRANSPORT,
                        true,
                        true,
                        false),
                row(
                        new McpTimeoutException("tools/call", Duration.ofSeconds(1)),
                        FailureClass.TIMEOUT,
                        true,
                        true,
                        false),
                row(new TimeoutException(), FailureClass.TIMEOUT, true, true, false),
                row(rpc(JsonRpcError.INTERNAL_ERROR), FailureClass.SERVER_ERROR, true, true, false),
                row(rpc(JsonRpcError.REQUEST_TIMEOUT), FailureClass.TIMEOUT, true, true, false),
                row(rpc(JsonRpcError.INVALID_PARAMS), FailureClass.ANSWERED, false, false, false),
                row(rpc(JsonRpcError.METHOD_NOT_FOUND), FailureClass.ANSWERED, false, false, false),
                row(rpc(JsonRpcError.RESOURCE_NOT_FOUND), FailureClass.ANSWERED, false, false, false),
                row(new CancellationException(), FailureClass.CANCELLED, false, false, false),
                row(
                        new CompletionException(new ExecutionException(new TransportException("wrapped"))),
                        FailureClass.TRANSPORT,
                        true,
                        true,
                        false),
                row(new IllegalStateException("bug"), FailureClass.UNEXPECTED, true, false, false));
    }

    private static Arguments row(
            Throwable failure, FailureClass expected, boolean counts, boolean listingRetried, boolean toolRetried) {
        return Arguments.of(failure, expected, counts, listingRetried, toolRetried);
    }

    private static JsonRpcException rpc(int code) {
        return new JsonRpcException(code, "code " + code);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void classifiesEachFailureOnce(
            Throwable failure, FailureClass expected, boolean counts, boolean listingRetried, boolean toolRetried) {
        FailureClass actual = FailureClass.of(failure);

        assertThat(actual).isEqualTo(expected);
        assertThat(actual.countsAgainstServer()).isEqualTo(counts);
        assertThat(actual.retryable(CallKind.LISTING)).isEqualTo(listingRetried);
        assertThat(actual.retryable(CallKind.INITIALIZE)).isEqualTo(listingRetried);
        assertThat(actual.retryable(CallKind.TOOL_CALL)).isEqualTo(toolRetried);
        assertThat(actual.retryable(CallKind.OTHER)).isEqualTo(toolRetried);
    }

    @Test
    void mapsMethodsToCallKinds() {
        assertThat(CallKind.of("initialize")).isEqualTo(CallKind.INITIALIZE);
        assertThat(CallKind.of("tools/list")).isEqualTo(CallKind.LISTING);
        assertThat(CallKind.of("resources/read")).isEqualTo(CallKind.LISTING);
        assertThat(CallKind.of("prompts/get")).isEqualTo(CallKind.LISTING);
        assertThat(CallKind.of("ping")).isEqualTo(CallKind.LISTING);
        assertThat(CallKind.of("tools/call")).isEqualTo(CallKind.TOOL_CALL);
        assertThat(CallKind.of("resources/subscribe")).isEqualTo(CallKind.OTHER);
    }
}
