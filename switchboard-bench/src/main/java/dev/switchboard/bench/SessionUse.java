package dev.switchboard.bench;

import java.util.Locale;

/** How the pooled-versus-cold benchmark gets a session for each call. */
enum SessionUse {
    /** From a session pool: made once, reused by every call. */
    POOLED,
    /** A new session per call: connect, initialize, call, close. */
    COLD;

    /** The name used in reports. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
