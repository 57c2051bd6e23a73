package dev.switchboard.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A server the gateway starts as a child process and talks to over its stdin and stdout. In the
 * file: {@code {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env":
 * {"GITHUB_TOKEN": "${GITHUB_TOKEN}"}}}.
 *
 * @param name the server's name (see {@link ServerConfig#name()})
 * @param command the program: a path, or a name looked up on the {@code PATH}
 * @param args the arguments, in order; default empty
 * @param env variables set for the child, in file order; values are secrets and never appear in
 *     {@link #toString()}; default empty
 * @param cwd the child's working directory, or {@code null} (the default) for the gateway's
 * @param inheritEnv whether the child gets the gateway's whole environment under {@link #env}
 *     (true) or only a minimal base of it such as {@code PATH} and {@code HOME} (false, the
 *     default, so that the gateway's own credentials do not leak to every server)
 * @param settings what every server has
 */
public record StdioServerConfig(
        String name,
        String command,
        List<String> args,
        Map<String, String> env,
        @Nullable Path cwd,
        boolean inheritEnv,
        ServerSettings settings)
        implements ServerConfig {

    /** Copies the collections and checks that no required field is null. */
    public StdioServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        args = Redaction.copy(args);
        env = Redaction.copy(env, "env");
        Objects.requireNonNull(settings, "settings");
    }

    /** Every field, with the values of {@link #env} shown as {@code ***}. */
    @Override
    public String toString() {
        return "StdioServerConfig[name=" + name + ", command=" + command + ", args=" + args + ", env="
                + Redaction.masked(env) + ", cwd=" + cwd + ", inheritEnv=" + inheritEnv + ", settings="
                + settings + "]";
    }
}
