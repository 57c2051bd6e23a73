package dev.switchboard.server.cli;

import dev.switchboard.core.config.RemoteServerConfig;
import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.config.StdioServerConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a server is for people: its transport, and its target (the command line of a stdio server,
 * the URL of a remote one) without secrets. A URL loses its user info, query and fragment; the
 * values of environment variables whose names say they are secrets ({@code GITHUB_TOKEN}, {@code
 * API_KEY}, {@code DB_PASSWORD}...) are masked wherever they appear, since {@code ${VAR}} in {@code
 * args} or a URL is expanded by then. The values of {@code env} and {@code headers} are never shown.
 * Immutable and thread-safe.
 */
final class ServerTargets {
    static final String MASK = "***";

    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|API_?KEY|PRIVATE_?KEY|AUTH).*");
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/?#@]*@");
    private static final Pattern QUERY_AND_FRAGMENT = Pattern.compile("[?#].*$", Pattern.DOTALL);
    private static final Pattern NEEDS_QUOTES = Pattern.compile(".*[\\s'\"\\\\$`|&;<>()?!#~].*|", Pattern.DOTALL);
    /** Shorter values are not masked: they would mask ordinary words and digits. */
    private static final int MIN_SECRET_LENGTH = 6;

    private final List<String> secrets;

    /** Masks the values of the secret-named variables of {@code environment}. */
    ServerTargets(Map<String, String> environment) {
        List<String> values = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (value.length() >= MIN_SECRET_LENGTH
                    && SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches()) {
                values.add(value);
            }
        });
        // the longest first, so that a secret containing another is masked whole
        values.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(values);
    }

    /** {@code stdio}, or the remote transport's name in the file: {@code http}, {@code sse}, {@code websocket}. */
    static String transport(ServerConfig server) {
        return switch (server) {
            case StdioServerConfig stdio -> "stdio";
            case RemoteServerConfig remote -> remote.transport().configName();
        };
    }

    /** The command line, quoted as a POSIX shell would need it, or the URL; without secrets. */
    String target(ServerConfig server) {
        return switch (server) {
            case StdioServerConfig stdio -> commandLine(stdio);
            case RemoteServerConfig remote -> url(remote.url());
        };
    }

    private String commandLine(StdioServerConfig stdio) {
        StringBuilder out = new StringBuilder(quote(mask(stdio.command())));
        for (String arg : stdio.args()) {
            out.append(' ').append(quote(mask(arg)));
        }
        return out.toString();
    }

    /** {@code url} without user info, query and fragment, which may carry credentials. */
    String url(URI url) {
        String text = QUERY_AND_FRAGMENT.matcher(url.toString()).replaceFirst("?" + MASK);
        return mask(USER_INFO.matcher(text).replaceFirst(MASK + "@"));
    }

    private String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private static String quote(String word) {
        if (!NEEDS_QUOTES.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
