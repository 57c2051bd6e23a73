package dev.switchboard.server.mcp;

import java.time.Duration;
import java.util.Objects;

/**
 * How the views behave; the defaults suit every deployment, tests shrink them.
 *
 * @param pageSize the most items of one listing page ({@code tools/list}, {@code resources/list},
 *     ...); a longer listing gets a {@code nextCursor} into the snapshot it was taken from. Default
 *     500
 * @param connectWait how long a listing waits for lazy servers never connected yet to connect and
 *     list (all at once); a server still not ready then is reported unavailable. Default 15 s
 * @param clientRequestTimeout how long a relayed server-to-client request (sampling, elicitation,
 *     roots) waits for the upstream client's answer. Default 10 minutes (a person may be asked)
 */
record ViewSettings(int pageSize, Duration connectWait, Duration clientRequestTimeout) {
    static final ViewSettings DEFAULTS = new ViewSettings(500, Duration.ofSeconds(15), Duration.ofMinutes(10));

    ViewSettings {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize: " + pageSize + " (expected: at least 1)");
        }
        Objects.requireNonNull(connectWait, "connectWait");
        Objects.requireNonNull(clientRequestTimeout, "clientRequestTimeout");
    }

    ViewSettings withPageSize(int value) {
        return new ViewSettings(value, connectWait, clientRequestTimeout);
    }

    ViewSettings withConnectWait(Duration value) {
        return new ViewSettings(pageSize, value, clientRequestTimeout);
    }
}
