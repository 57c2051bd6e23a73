package dev.switchboard.mcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class InMemoryTransportTest {

    private static final class Recorder implements Transport.Listener {
        final List<String> methods = new CopyOnWriteArrayList<>();
        final List<@Nullable RequestId> related = new CopyOnWriteArrayList<>();
        final CompletableFuture<@Nullable Throwable> closed = new CompletableFuture<>();

        @Override
        public void onMessage(JsonRpcMessage message, @Nullable RequestId relatedId) {
            methods.add(((JsonRpcNotification) message).method());
            related.add(relatedId);
        }

        @Override
        public void onSendFailed(JsonRpcMessage message, Throwable cause) {}

        @Override
        public void onClose(@Nullable Throwable cause) {
            closed.complete(cause);
        }
    }

    @Test
    void deliversInOrderWithTheRelatedIdAndThenClosesBothEnds() {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        Recorder client = new Recorder();
        Recorder server = new Recorder();
        pair.client().start(client);
        pair.server().start(server);

        pair.server().send(new JsonRpcNotification("a", null), RequestId.of(7));
        pair.server().send(new JsonRpcNotification("b", null), null);
        pair.server().close();

        await().atMost(Duration.ofSeconds(10)).until(() -> client.closed.isDone() && server.closed.isDone());
        assertThat(client.methods).containsExactly("a", "b");
        assertThat(client.related).containsExactly(RequestId.of(7), null);
        assertThat(server.closed.join()).isNull();
        assertThat(client.closed.join()).isInstanceOf(TransportException.class);
        assertThat(pair.client().isClosed()).isTrue();
        assertThatThrownBy(() -> pair.client().send(new JsonRpcNotification("c", null), null))
                .isInstanceOf(TransportException.class);
    }
}
