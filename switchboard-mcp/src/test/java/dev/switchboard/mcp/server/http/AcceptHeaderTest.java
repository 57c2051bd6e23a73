package dev.switchboard.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {
    @Test
    void missingHeaderAcceptsBoth() {
        assertThat(AcceptHeader.parse(null)).isEqualTo(new AcceptHeader(true, true));
    }

    @Test
    void readsBothTypesFromOneOrSeveralValues() {
        assertThat(AcceptHeader.parse(List.of("application/json, text/event-stream")))
                .isEqualTo(new AcceptHeader(true, true));
        assertThat(AcceptHeader.parse(List.of("text/event-stream", "application/json;q=0.9")))
                .isEqualTo(new AcceptHeader(true, true));
    }

    @Test
    void honoursASingleTypeWildcardsAndQZero() {
        assertThat(AcceptHeader.parse(List.of("application/json"))).isEqualTo(new AcceptHeader(true, false));
        assertThat(AcceptHeader.parse(List.of("*/*"))).isEqualTo(new AcceptHeader(true, true));
        assertThat(AcceptHeader.parse(List.of("text/*, application/json;q=0")))
                .isEqualTo(new AcceptHeader(false, true));
        assertThat(AcceptHeader.parse(List.of("text/html"))).isEqualTo(new AcceptHeader(false, false));
    }
}
