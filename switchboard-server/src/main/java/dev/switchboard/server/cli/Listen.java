package dev.switchboard.server.cli;

import dev.switchboard.core.config.ListenAddress;
import org.jspecify.annotations.Nullable;

/** Parses {@code --listen HOST:PORT} with {@link ListenAddress#parse}, the form of the file's {@code gateway.listen}. */
final class Listen {
    private Listen() {}

    /** The address {@code text} names, or {@code null} when it is not {@code HOST:PORT} with a port up to 65535. */
    static @Nullable ListenAddress parse(String text) {
        try {
            return ListenAddress.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
