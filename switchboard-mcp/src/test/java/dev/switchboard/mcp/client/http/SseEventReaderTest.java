package dev.switchboard.mcp.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventReaderTest {

    private static SseEventReader reader(String text) {
        return new SseEventReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1024);
    }

    private static List<SseEvent> readAll(SseEventReader reader) throws IOException {
        List<SseEvent> events = new ArrayList<>();
        SseEvent e;
        while ((e = reader.next()) != null) {
            events.add(e);
        }
        return events;
    }

    /** Returns one byte per read, so that every boundary case of the chunking shows. */
    private static InputStream trickle(byte[] bytes) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[pos++];
                return 1;
            }
        };
    }

    @Test
    void readsDataOfOneEvent() throws IOException {
        assertThat(readAll(reader("data: hello\n\n"))).containsExactly(new SseEvent("message", "hello", ""));
    }

    @Test
    void joinsMultipleDataLinesWithNewlines() throws IOException {
        assertThat(readAll(reader("data: a\ndata: b\ndata:\ndata: c\n\n")))
                .containsExactly(new SseEvent("message", "a\nb\n\nc", ""));
    }

    @Test
    void removesOnlyOneLeadingSpaceOfAValue() throws IOException {
        assertThat(readAll(reader("data:x\n\ndata:  two spaces\n\n")))
                .extracting(SseEvent::data)
                .containsExactly("x", " two spaces");
    }

    @Test
    void setsTheEventTypeAndResetsItAfterDispatch() throws IOException {
        assertThat(readAll(reader("event: endpoint\ndata: /messages\n\ndata: next\n\n")))
                .containsExactly(new SseEvent("endpoint", "/messages", ""), new SseEvent("message", "next", ""));
    }

    @Test
    void skipsComments() throws IOException {
        assertThat(readAll(reader(": keep-alive\ndata: a\n: inside\ndata: b\n\n:\n\n")))
                .containsExactly(new SseEvent("message", "a\nb", ""));
    }

    @Test
    void acceptsCrLfAndCrAndLfLineEndingsMixed() throws IOException {
        assertThat(readAll(reader("data: one\r\n\r\ndata: two\r\rdata: three\n\ndata: four\r\n\n")))
                .extracting(SseEvent::data)
                .containsExactly("one", "two", "three", "four");
    }

    @Test
    void handlesACrLfSplitAcrossReads() throws IOException {
        byte[] bytes = "data: a\r\ndata: b\r\n\r\ndata: c\r\r".getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(new SseEventReader(trickle(bytes), 1024)))
                .extracting(SseEvent::data)
                .containsExactly("a\nb", "c");
    }

    @Test
    void decodesMultiByteCharactersSplitAcrossReads() throws IOException {
        byte[] bytes = "data: grüße 🚀\n\n".getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(new SseEventReader(trickle(bytes), 1024)))
                .extracting(SseEvent::data)
                .containsExactly("grüße 🚀");
    }

    @Test
    void skipsALeadingByteOrderMarkOnly() throws IOException {
        assertThat(readAll(reader("\uFEFFdata: a\n\ndata: \uFEFFb\n\n")))
                .extracting(SseEvent::data)
                .containsExactly("a", "\uFEFFb");
    }

    @Test
    void tracksTheLastEventIdAcrossEvents() throws IOException {
        SseEventReader reader = reader("id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\n");
        assertThat(readAll(reader))
                .containsExactly(
                        new SseEvent("message", "a", "1"),
                        new SseEvent("message", "b", "1"),
                        new SseEvent("message", "c", ""));
        assertThat(reader.lastEventId()).isEmpty();
    }

    @Test
    void ignoresAnIdContainingNull() throws IOException {
        assertThat(readAll(reader("id: 7\ndata: a\n\nid: bad\u0000id\ndata: b\n\n")))
                .extracting(SseEvent::lastEventId)
                .containsExactly("7", "7");
    }

    @Test
    void updatesTheLastEventIdForABlockWithoutData() throws IOException {
        SseEventReader reader = reader("id: prime-1\n\nretry: 250\n\n");
        assertThat(reader.next()).isNull();
        assertThat(reader.lastEventId()).isEqualTo("prime-1");
        assertThat(reader.retry()).isEqualTo(Duration.ofMillis(250));
        assertThat(reader.dispatchedEvents()).isZero();
    }

    @Test
    void dispatchesAnEmptyDataFieldAsAnEventWithEmptyData() throws IOException {
        assertThat(readAll(reader("id: prime-1\ndata:\n\n"))).containsExactly(new SseEvent("message", "", "prime-1"));
    }

    @Test
    void acceptsRetryOnlyWithAsciiDigits() throws IOException {
        SseEventReader reader = reader("retry: 100\nretry: 2x\nretry: -5\nretry:\nretry: 1e3\n\n");
        readAll(reader);
        assertThat(reader.retry()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void treatsALineWithoutColonAsAFieldWithAnEmptyValue() throws IOException {
        assertThat(readAll(reader("data\ndata\n\n"))).extracting(SseEvent::data).containsExactly("\n");
    }

    @Test
    void ignoresUnknownFields() throws IOException {
        assertThat(readAll(reader("foo: bar\ndata: a\nDATA: b\n\n")))
                .extracting(SseEvent::data)
                .containsExactly("a");
    }

    @Test
    void discardsAnEventCutOffByTheEndOfTheStream() throws IOException {
        SseEventReader reader = reader("data: whole\n\nid: 9\ndata: cut");
        assertThat(readAll(reader)).extracting(SseEvent::data).containsExactly("whole");
        assertThat(reader.lastEventId()).isEmpty();
    }

    @Test
    void returnsNullForAnEmptyStream() throws IOException {
        assertThat(reader("").next()).isNull();
    }

    @Test
    void countsDispatchedEvents() throws IOException {
        SseEventReader reader = reader("data: a\n\ndata: b\n\n");
        readAll(reader);
        assertThat(reader.dispatchedEvents()).isEqualTo(2);
    }

    @Test
    void failsOnAnEventLargerThanTheLimitAcrossManyLines() {
        String lines = "data: 0123456789\n".repeat(10) + "\n";
        SseEventReader reader =
                new SseEventReader(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), 100);
        assertThatThrownBy(reader::next)
                .isInstanceOf(SseEventTooLargeException.class)
                .hasMessageContaining("more than 100 bytes");
    }

    @Test
    void failsOnASingleLineLongerThanTheLimitWithoutBufferingIt() {
        byte[] endless = new byte[1 << 20];
        java.util.Arrays.fill(endless, (byte) 'x');
        SseEventReader reader = new SseEventReader(new ByteArrayInputStream(endless), 4096);
        assertThatThrownBy(reader::next)
                .isInstanceOf(SseEventTooLargeException.class)
                .satisfies(
                        e -> assertThat(((SseEventTooLargeException) e).limit()).isEqualTo(4096));
    }

    @Test
    void resetsTheLimitForEachEvent() throws IOException {
        String events = ("data: " + "x".repeat(80) + "\n\n").repeat(20);
        SseEventReader reader =
                new SseEventReader(new ByteArrayInputStream(events.getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(readAll(reader)).hasSize(20);
    }

    @Test
    void doesNotCountCommentsTowardsTheLimit() throws IOException {
        String text = ": ping\n".repeat(100) + "data: ok\n\n";
        SseEventReader reader = new SseEventReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 64);
        assertThat(readAll(reader)).extracting(SseEvent::data).containsExactly("ok");
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new SseEventReader(InputStream.nullInputStream(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEventBytes: 0 (expected: > 0)");
    }
}
