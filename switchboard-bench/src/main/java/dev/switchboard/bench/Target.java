package dev.switchboard.bench;

import java.util.Locale;

/** A transport the benchmark measures. */
enum Target {
    /** The client starts the server as a child process and talks over its stdin and stdout. */
    STDIO,
    /** Streamable HTTP to one server process that both clients share. */
    HTTP;

    /** The name used in options and reports. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
