package dev.switchboard.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each step with one server may take. In the file: {@code timeouts: {connect: 30s,
 * initialize: 30s, call: 60s}}.
 *
 * @param connect starting the process or opening the connection; default 30 s
 * @param initialize the MCP {@code initialize} handshake; default 30 s
 * @param call one request such as {@code tools/call}, unless the caller asks for less; default 60 s
 */
public record Timeouts(Duration connect, Duration initialize, Duration call) {

    /** The defaults: 30 s to connect, 30 s to initialize, 60 s a call. */
    public static final Timeouts DEFAULTS =
            new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60));

    /** Checks that no field is null; {@link ConfigValidator} checks that each is positive. */
    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(initialize, "initialize");
        Objects.requireNonNull(call, "call");
    }
}
