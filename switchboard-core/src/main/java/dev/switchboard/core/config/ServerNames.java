package dev.switchboard.core.config;

import java.util.regex.Pattern;

/**
 * The rules for server names, chosen so that {@code server<separator>tool} stays within the MCP
 * tool name charset ({@code [A-Za-z0-9_.-]}) and can be split back unambiguously: 1 to {@value
 * #MAX_LENGTH} of those characters, starting and ending with a letter or digit (so a name never
 * runs into a separator, which has none), and never containing the separator. With the default
 * separator a tool name of up to 62 characters keeps the whole within the 128 the spec allows.
 */
final class ServerNames {
    static final int MAX_LENGTH = 64;
    static final String EXPECTED =
            "1 to " + MAX_LENGTH + " letters, digits, '_', '.' or '-', starting and ending with a letter or digit";

    private static final Pattern NAME =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]{0," + (MAX_LENGTH - 2) + "}[A-Za-z0-9])?");

    private ServerNames() {}

    /** Reports {@code name} if a server cannot be called so with {@code separator}. */
    static void check(String name, String separator, ConfigPath path, Problems problems) {
        if (!NAME.matcher(name).matches()) {
            problems.invalid(path, ConfigPath.quoted(name), EXPECTED);
        } else if (name.contains(separator)) {
            problems.invalid(
                    path, ConfigPath.quoted(name), "a name without the separator " + ConfigPath.quoted(separator));
        }
    }
}
