package dev.switchboard.mcp.contract;

import dev.switchboard.mcp.jsonrpc.Decoded;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import dev.switchboard.mcp.jsonrpc.JsonRpcMessage;
import dev.switchboard.mcp.jsonrpc.RequestId;
import dev.switchboard.mcp.transport.Transport;
import dev.switchboard.mcp.transport.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The server end of one WebSocket connection as a {@link Transport}, for {@link WebSocketBridge}:
 * one JSON-RPC message per text message; reads masked client frames (joining fragments, answering
 * pings, echoing the close frame) and writes unmasked single frames. Test code only.
 */
final class WebSocketServerTransport implements Transport {
    /** The largest text message accepted: 16 MiB. */
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    private final DataInputStream in;
    private final OutputStream out;
    private final JsonRpcCodec codec;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private volatile @Nullable Listener listener;

    WebSocketServerTransport(DataInputStream in, OutputStream out, JsonRpcCodec codec) {
        this.in = in;
        this.out = out;
        this.codec = codec;
    }

    @Override
    public void start(Listener newListener) {
        listener = Objects.requireNonNull(newListener);
    }

    /** Reads frames on the calling thread until the peer closes or the connection breaks. */
    void readUntilClosed() {
        Throwable cause = null;
        try {
            while (readFrame()) {
                // each frame is handled as it is read
            }
        } catch (IOException e) {
            cause = e;
        }
        finish(cause);
    }

    private boolean readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length < 0 || message.size() + length > MAX_MESSAGE_BYTES) {
            throw new IOException("message of more than " + MAX_MESSAGE_BYTES + " bytes");
        }
        byte[] mask = new byte[4];
        if ((b1 & 0x80) != 0) {
            in.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return onFrame((b0 & 0x80) != 0, b0 & 0x0F, payload);
    }

    private boolean onFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        switch (opcode) {
            case 0x0, TEXT -> {
                message.write(payload);
                if (fin) {
                    deliver(message.toByteArray());
                    message.reset();
                }
            }
            case CLOSE -> {
                writeFrame(CLOSE, payload);
                return false;
            }
            case PING -> writeFrame(PONG, payload);
            default -> {
                // pongs and binary frames are ignored
            }
        }
        return true;
    }

    private void deliver(byte[] utf8) {
        Listener target = Objects.requireNonNull(listener);
        for (Decoded d : codec.decode(utf8).items()) {
            if (d instanceof Decoded.Valid v) {
                target.onMessage(v.message(), null);
            } else {
                target.onInvalidMessage(d.toString());
            }
        }
    }

    @Override
    public void send(JsonRpcMessage msg, @Nullable RequestId related) {
        if (closed.get()) {
            throw new TransportException(describe() + ": closed");
        }
        try {
            writeFrame(TEXT, codec.encode(msg));
        } catch (IOException e) {
            throw new TransportException(describe() + ": write failed: " + e, e);
        }
    }

    private void writeFrame(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(127);
            frame.write(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        frame.write(payload);
        writeLock.lock();
        try {
            // one write per frame: a frame split over small writes waits for delayed ACKs
            frame.writeTo(out);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        if (closed.get()) {
            return;
        }
        try {
            writeFrame(CLOSE, new byte[] {0x03, (byte) 0xE8}); // 1000, normal closure
        } catch (IOException e) {
            // the connection is already gone
        }
        finish(null);
    }

    private void finish(@Nullable Throwable cause) {
        if (closed.compareAndSet(false, true)) {
            Listener target = listener;
            if (target != null) {
                target.onClose(cause);
            }
        }
    }

    @Override
    public String describe() {
        return "websocket-server";
    }
}
