package dev.switchboard.mcp.client.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StdoutReaderTest {
    private final JsonRpcCodec codec = new JsonRpcCodec();
    private final RecordingListener listener = new RecordingListener();
    private final List<JsonRpcResponse> answers = new ArrayList<>();
    private final AtomicInteger firstMessageHooks = new AtomicInteger();
    private final StdoutReader reader =
            new StdoutReader("test", codec, listener, answers::add, firstMessageHooks::incrementAndGet);

    @Test
    void deliversEachLineAsAMessage() {
        line("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"ok\":true}}");
        line("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}");

        assertThat(listener.messages).hasSize(2);
        assertThat(listener.messages.get(0)).isInstanceOf(JsonRpcResponse.class);
        assertThat(((JsonRpcNotification) listener.messages.get(1)).method()).isEqualTo("notifications/message");
        assertThat(reader.skippedLines()).isZero();
    }

    @Test
    void deliversABatchElementByElementInOrder() {
        line("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]");

        assertThat(listener.messages).hasSize(2);
        assertThat(((JsonRpcResponse) listener.messages.get(0)).id()).isEqualTo(RequestId.of(1));
        assertThat(((JsonRpcRequest) listener.messages.get(1)).method()).isEqualTo("ping");
    }

    @Test
    void skipsBlankLinesBannersAndTextThatIsNotJson() {
        line("");
        line("   \t");
        line("Server started on stdio");
        line("[INFO] a log line");
        line("{not json at all");

        assertThat(listener.messages).isEmpty();
        assertThat(listener.invalid).isEmpty();
        assertThat(answers).isEmpty();
        assertThat(reader.skippedLines()).isEqualTo(5);
        assertThat(firstMessageHooks).hasValue(0);
    }

    @Test
    void skipsAnOversizedLine() {
        reader.onOversized(4096);

        assertThat(listener.messages).isEmpty();
        assertThat(reader.skippedLines()).isEqualTo(1);
    }

    @Test
    void reportsJsonThatIsNotJsonRpcWithoutAnsweringIt() {
        line("{\"log\":\"structured log line\"}");
        line("{\"jsonrpc\":\"2.0\",\"id\":3}");

        assertThat(listener.invalid).hasSize(2);
        assertThat(listener.invalid.get(0)).startsWith("test: Invalid request");
        assertThat(answers).isEmpty();
    }

    @Test
    void answersAnInvalidRequestThatHasAnId() {
        line("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":42}");

        assertThat(listener.invalid).singleElement().asString().contains("(id 7)");
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.id()).isEqualTo(RequestId.of(7));
            assertThat(answer.error()).isNotNull();
            assertThat(answer.error().code()).isEqualTo(JsonRpcError.INVALID_REQUEST);
        });
    }

    @Test
    void runsTheFirstMessageHookOnceBeforeTheFirstMessage() {
        line("banner");
        line("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        line("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}");

        assertThat(firstMessageHooks).hasValue(1);
    }

    @Test
    void keepsReadingWhenTheListenerThrows() {
        RecordingListener failing = new RecordingListener() {
            @Override
            public void onMessage(JsonRpcMessage message, @Nullable RequestId related) {
                super.onMessage(message, related);
                throw new IllegalStateException("listener bug");
            }
        };
        StdoutReader tolerant = new StdoutReader("test", codec, failing, answers::add, () -> {});

        for (String text : List.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}")) {
            byte[] bytes = bytes(text);
            tolerant.onLine(bytes, bytes.length);
        }

        assertThat(failing.messages).hasSize(2);
    }

    private void line(String text) {
        byte[] bytes = bytes(text);
        reader.onLine(bytes, bytes.length);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
