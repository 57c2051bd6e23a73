package dev.switchboard.mcp.contract;

import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.transport.Transport;

/** The contract over stdio against the reference server-everything, one Node process per session. */
class EverythingStdioContractIT extends ClientTransportContract {
    @Override
    protected Transport newTransport() {
        return new StdioClientTransport("server-everything", StdioTargets.serverEverything(), runtime);
    }

    @Override
    protected TargetProfile profile() {
        return TargetProfile.serverEverything(runtime.codec());
    }

    @Override
    protected void awaitReleasedByServer(Transport closed) {
        StdioTargets.awaitExited(closed, WAIT);
    }
}
