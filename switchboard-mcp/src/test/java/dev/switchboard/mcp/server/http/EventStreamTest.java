package dev.switchboard.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.JsonRpcNotification;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class EventStreamTest {
    private static JsonRpcNotification note(String method) {
        return new JsonRpcNotification(method, null);
    }

    private static List<JsonRpcMessage> drainNow(EventStream stream, long gen) throws InterruptedException {
        List<JsonRpcMessage> out = new ArrayList<>();
        for (EventStream.Event e = stream.take(gen, 0, TimeUnit.NANOSECONDS);
                e != null && e.message() != null;
                e = stream.take(gen, 0, TimeUnit.NANOSECONDS)) {
            out.add(e.message());
        }
        return out;
    }

    @Test
    void buffersWhileDetachedAndDropsTheOldestNotificationBeyondCapacity() throws Exception {
        EventStream stream = new EventStream(0, 2, "test");
        JsonRpcResponse response = JsonRpcResponse.success(RequestId.of(1), JsonNodeFactory.instance.objectNode());
        stream.offer(response);
        stream.offer(note("a"));
        stream.offer(note("b"));

        long gen = stream.attach(null);

        assertThat(drainNow(stream, gen)).containsExactly(response, note("b"));
    }

    @Test
    void replaysEventsAfterTheResumeCursorWithoutDuplicates() throws Exception {
        EventStream stream = new EventStream(3, 10, "test");
        stream.offer(note("a"));
        stream.offer(note("b"));
        long first = stream.attach(null);
        EventStream.Event a = stream.take(first, 0, TimeUnit.NANOSECONDS);
        EventStream.Event b = stream.take(first, 0, TimeUnit.NANOSECONDS);
        stream.putBack(first, b);
        stream.offer(note("c"));

        long second = stream.attach(a.seq());

        assertThat(stream.eventId(a)).isEqualTo("3-1");
        assertThat(stream.take(first, 0, TimeUnit.NANOSECONDS).isReplaced()).isTrue();
        assertThat(drainNow(stream, second)).containsExactly(note("b"), note("c"));
    }

    @Test
    void endsAfterFinishOnceDrainedAndAtOnceOnClose() throws Exception {
        EventStream finished = new EventStream(1, 10, "test");
        finished.offer(note("a"));
        finished.finish();
        long gen = finished.attach(null);
        assertThat(finished.offer(note("late"))).isFalse();
        assertThat(finished.take(gen, 0, TimeUnit.NANOSECONDS).message()).isEqualTo(note("a"));
        assertThat(finished.take(gen, 0, TimeUnit.NANOSECONDS).isEnd()).isTrue();

        EventStream closed = new EventStream(2, 10, "test");
        closed.offer(note("a"));
        long g = closed.attach(null);
        closed.close();
        assertThat(closed.take(g, 0, TimeUnit.NANOSECONDS).isEnd()).isTrue();
    }

    @Test
    void allowsOneWriterUnlessTakenOver() {
        EventStream stream = new EventStream(0, 10, "test");

        long first = stream.attachIfFree();

        assertThat(first).isPositive();
        assertThat(stream.attachIfFree()).isEqualTo(-1);
        stream.detach(first);
        assertThat(stream.attachIfFree()).isPositive();
    }
}
