package dev.switchboard.mcp.contract;

import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.transport.Transport;

/** The contract over stdio: {@link StdioClientTransport} running the demo server in a new JVM per session. */
class DemoStdioContractIT extends ClientTransportContract {
    @Override
    protected Transport newTransport() {
        return new StdioClientTransport("demo", StdioTargets.demo(), runtime);
    }

    @Override
    protected TargetProfile profile() {
        return TargetProfile.demo(runtime.codec(), 0);
    }

    @Override
    protected void awaitReleasedByServer(Transport closed) {
        StdioTargets.awaitExited(closed, WAIT);
    }
}
