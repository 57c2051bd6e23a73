package dev.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.NotFoundException;
import dev.switchboard.core.lifecycle.ErrorPhase;
import dev.switchboard.core.lifecycle.ServerConnectException;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.session.McpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class CallFailuresTest {

    @Test
    void namesTheTimeoutWithoutCallingItAnAnswerOfTheServer() {
        String line = CallFailures.describe(
                "demo", "slow", new CompletionException(new McpTimeoutException("tools/call", Duration.ofMillis(300))));

        assertThat(line).isEqualTo("demo/slow: Request timed out: tools/call got no response within 300 ms");
    }

    @Test
    void quotesTheCodeAndMessageOfAnErrorAnswer() {
        String line = CallFailures.describe(
                "demo", "add", new JsonRpcException(JsonRpcError.INVALID_PARAMS, "a: missing\n  at line 2"));

        assertThat(line).isEqualTo("demo/add: the server answered error -32602: a: missing …");
    }

    @Test
    void saysTheServerIsDownWithThePhase() {
        String line = CallFailures.describe(
                "demo",
                "echo",
                new ServerConnectException("demo", ErrorPhase.INITIALIZE, "no answer within 2000 ms", List.of(), null));

        assertThat(line).isEqualTo("server demo is down (initialize: no answer within 2000 ms)");
    }

    @Test
    void namesWhatWasNotFound() {
        assertThat(CallFailures.describe("demo", "echo", new NotFoundException("tool", "echo")))
                .isEqualTo("tool: \"echo\" (expected: a tool of server demo)");
    }

    @Test
    void describesAnyOtherFailureByTypeAndMessageWithoutItsWrappers() {
        Exception wrapped = new ExecutionException(new CompletionException(new IllegalStateException("closed")));

        assertThat(CallFailures.describe("demo", "echo", wrapped))
                .isEqualTo("demo/echo: IllegalStateException: closed");
        assertThat(Failures.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
