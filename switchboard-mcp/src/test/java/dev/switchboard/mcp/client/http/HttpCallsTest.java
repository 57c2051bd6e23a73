package dev.switchboard.mcp.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class HttpCallsTest {
    @Test
    void recognisesAConnectionClosedBeforeAnyResponseByte() {
        IOException stale = new IOException(
                "HTTP/1.1 header parser received no bytes", new EOFException("EOF reached while reading"));
        assertThat(HttpCalls.closedBeforeAnyResponse(stale)).isTrue();
        assertThat(HttpCalls.closedBeforeAnyResponse(new IOException("wrapped", stale)))
                .isTrue();
    }

    @Test
    void doesNotRetryOtherFailures() {
        assertThat(HttpCalls.closedBeforeAnyResponse(new ConnectException("Connection refused")))
                .isFalse();
        assertThat(HttpCalls.closedBeforeAnyResponse(new IOException("stream reset after headers")))
                .isFalse();
    }
}
