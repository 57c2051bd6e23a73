package dev.switchboard.mcp.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcRequest;
import dev.switchboard.mcp.jsonrpc.JsonRpcResponse;
import dev.switchboard.mcp.jsonrpc.RequestId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class RemoteSessionTest {
    private final JsonRpcCodec codec = new JsonRpcCodec();

    @Test
    void sendsTheVersionHeaderFrom20250618OnIncludingUnknownNewerRevisions() {
        assertThat(RemoteSession.sendsVersionHeader("2024-11-05")).isFalse();
        assertThat(RemoteSession.sendsVersionHeader("2025-03-26")).isFalse();
        assertThat(RemoteSession.sendsVersionHeader("2025-06-18")).isTrue();
        assertThat(RemoteSession.sendsVersionHeader("2025-11-25")).isTrue();
        assertThat(RemoteSession.sendsVersionHeader("2026-07-28")).isTrue();
    }

    @Test
    void learnsTheVersionOnlyFromTheResponseToItsInitializeRequest() {
        RemoteSession session = new RemoteSession();
        session.recordInitialize(new JsonRpcRequest(RequestId.of(1), "initialize", codec.object()));
        ObjectNode other = codec.object().put("protocolVersion", "2024-11-05");
        ObjectNode init = codec.object().put("protocolVersion", "2025-06-18");

        session.observe(JsonRpcResponse.success(RequestId.of(2), other));
        session.observe(JsonRpcResponse.success(RequestId.of(1), init));

        assertThat(session.current().protocolVersion()).isEqualTo("2025-06-18");
    }

    @Test
    void replacesAStateOnlyWhenNoOneElseDidFirst() {
        RemoteSession session = new RemoteSession();
        RemoteSession.State before = session.current();
        RemoteSession.State first = new RemoteSession.State("s-2", "2025-11-25");

        session.replace(before, first);
        session.replace(before, new RemoteSession.State("s-3", "2025-11-25"));

        assertThat(session.current()).isEqualTo(first);
        assertThat(session.movedOn(before)).isTrue();
    }
}
