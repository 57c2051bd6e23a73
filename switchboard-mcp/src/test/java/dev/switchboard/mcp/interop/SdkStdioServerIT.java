package dev.switchboard.mcp.interop;

import dev.switchboard.mcp.client.stdio.StdioClientTransport;
import dev.switchboard.mcp.client.stdio.StdioServerParameters;
import dev.switchboard.mcp.testing.Interop;
import dev.switchboard.mcp.transport.Transport;
import java.util.List;

/** Our stdio client transport launching the SDK server as a child JVM. */
class SdkStdioServerIT extends SdkServerContract {
    @Override
    Transport transport() {
        List<String> command = Interop.java(SdkStdioServer.class);
        return new StdioClientTransport(
                "sdk-stdio",
                StdioServerParameters.builder(command.get(0))
                        .args(command.subList(1, command.size()))
                        .build(),
                runtime);
    }
}
