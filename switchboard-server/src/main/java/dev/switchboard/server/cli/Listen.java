package dev.switchboard.server.cli;

import dev.switchboard.core.config.ListenAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses {@code --listen HOST:PORT}, the same form as the file's {@code gateway.listen}. */
final class Listen {
    private static final Pattern FORM = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([A-Za-z0-9.-]+)):([0-9]{1,5})");

    private Listen() {}

    /** The address {@code text} names, or {@code null} when it is not {@code HOST:PORT} with a port up to 65535. */
    static @Nullable ListenAddress parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int port = Integer.parseInt(m.group(3));
        if (port > 65_535) {
            return null;
        }
        String host = m.group(1) != null ? m.group(1) : m.group(2);
        return new ListenAddress(host, port);
    }
}
