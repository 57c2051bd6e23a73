package dev.switchboard.mcp.interop;

import dev.switchboard.mcp.demo.DemoServer;
import dev.switchboard.mcp.testing.Interop;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.util.List;

/** The SDK's stdio client transport launching our demo server as a child JVM. */
class SdkClientOverStdioIT extends SdkClientContract {
    @Override
    McpClientTransport transport() {
        List<String> command = Interop.java(DemoServer.class);
        StdioClientTransport stdio = new StdioClientTransport(
                ServerParameters.builder(command.get(0))
                        .args(command.subList(1, command.size()))
                        .build(),
                McpJsonDefaults.getMapper());
        stdio.setStdErrorHandler(line -> System.err.println("demo-server: " + line));
        return new SerializingClientTransport(stdio);
    }
}
