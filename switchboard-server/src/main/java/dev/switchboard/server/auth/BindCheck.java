package dev.switchboard.server.auth;

import dev.switchboard.core.config.AuthConfig;
import dev.switchboard.core.config.ListenAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses to serve without authentication anywhere but on loopback: a gateway that lets anyone in
 * may only be reachable from this machine. The configuration validator checks the file's {@code
 * listen}; this check covers the address actually bound, such as one given by {@code --listen}.
 */
public final class BindCheck {
    private BindCheck() {}

    /**
     * Why the gateway may not listen on {@code listen} with {@code auth}, or empty when it may: it
     * may when authentication is configured, or when the address is loopback ({@code localhost},
     * {@code 127.x.y.z}, {@code ::1}; judged from the text, see {@link ListenAddress#isLoopback}).
     *
     * @throws NullPointerException if an argument is null
     */
    public static Optional<String> problem(ListenAddress listen, AuthConfig auth) {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(auth, "auth");
        if (auth.isEnabled() || listen.isLoopback()) {
            return Optional.empty();
        }
        String loopback = new ListenAddress("127.0.0.1", listen.port()).toString();
        return Optional.of("listen: \"" + listen + "\" (expected: a loopback address such as \"" + loopback
                + "\" while no authentication is configured; to listen on " + listen.host()
                + ", set gateway.auth.apiKeys or gateway.auth.jwt in the config)");
    }

    /**
     * Checks that the gateway may listen on {@code listen} with {@code auth}.
     *
     * @throws IllegalStateException with the {@linkplain #problem problem} when it may not
     * @throws NullPointerException if an argument is null
     */
    public static void require(ListenAddress listen, AuthConfig auth) {
        Optional<String> problem = problem(listen, auth);
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get());
        }
    }
}
