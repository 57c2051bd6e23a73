package dev.switchboard.core.config;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A place in the configuration document, shown as in {@code mcpServers.github.args[0]}. Keys that
 * are not plain words are quoted: {@code mcpServers["my server"]}.
 */
final class ConfigPath {
    static final ConfigPath ROOT = new ConfigPath(null, "");

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_$-]+");

    private final @Nullable ConfigPath parent;
    private final String text;

    private ConfigPath(@Nullable ConfigPath parent, String text) {
        this.parent = parent;
        this.text = text;
    }

    /** The member {@code key} of the object at this path. */
    ConfigPath key(String key) {
        String segment = PLAIN_KEY.matcher(key).matches() ? key : "[" + quoted(key) + "]";
        if (text.isEmpty()) {
            return new ConfigPath(this, segment);
        }
        return new ConfigPath(this, segment.startsWith("[") ? text + segment : text + "." + segment);
    }

    /** The item {@code index} of the array at this path. */
    ConfigPath index(int index) {
        return new ConfigPath(this, text + "[" + index + "]");
    }

    /** The enclosing path, or {@code null} for the root. */
    @Nullable
    ConfigPath parent() {
        return parent;
    }

    /** {@code value} as a JSON string literal, for messages. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ConfigPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The path as users see it; {@link ConfigError#ROOT} for the root. */
    @Override
    public String toString() {
        return text.isEmpty() ? ConfigError.ROOT : text;
    }
}
