package dev.switchboard.server.mcp;

import dev.switchboard.core.Switchboard;
import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import java.util.concurrent.Executor;

/**
 * What every view session shares.
 *
 * @param switchboard the engine
 * @param codec builds JSON
 * @param settings page size and waits
 * @param hub the open upstream sessions, for what goes to many of them
 * @param calls where tool calls are recorded
 * @param executor runs blocking work off transport threads (virtual threads)
 */
record ViewContext(
        Switchboard switchboard,
        JsonRpcCodec codec,
        ViewSettings settings,
        UpstreamHub hub,
        CallRecorder calls,
        Executor executor) {}
