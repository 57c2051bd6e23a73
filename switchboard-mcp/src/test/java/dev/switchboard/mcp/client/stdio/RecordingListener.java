package dev.switchboard.mcp.client.stdio;

import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Records what a transport reports, for tests without a session. */
class RecordingListener implements Transport.Listener {
    final List<JsonRpcMessage> messages = new CopyOnWriteArrayList<>();
    final List<String> invalid = new CopyOnWriteArrayList<>();
    final List<Optional<Throwable>> closes = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(JsonRpcMessage message, @Nullable RequestId related) {
        messages.add(message);
    }

    @Override
    public void onInvalidMessage(String description) {
        invalid.add(description);
    }

    @Override
    public void onSendFailed(JsonRpcMessage message, Throwable cause) {}

    @Override
    public void onClose(@Nullable Throwable cause) {
        closes.add(Optional.ofNullable(cause));
    }
}
