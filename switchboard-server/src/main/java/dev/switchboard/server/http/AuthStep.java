package dev.switchboard.server.http;

import dev.switchboard.core.config.AuthConfig;
import dev.switchboard.core.config.ListenAddress;
import dev.switchboard.server.auth.AdminAccess;
import dev.switchboard.server.auth.AuthResult;
import dev.switchboard.server.auth.Authenticator;
import dev.switchboard.server.auth.BindCheck;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Request;

/**
 * Authentication in front of every non-public route, with the current {@link Authenticator}. The
 * authenticator can be swapped while the server runs (a reload that changes the API keys applies at
 * once); each request sees one of them, whole. Thread-safe.
 */
final class AuthStep {
    private final AtomicReference<Authenticator> current;

    AuthStep(Authenticator authenticator) {
        this.current = new AtomicReference<>(Objects.requireNonNull(authenticator, "authenticator"));
    }

    /** Who is calling; for admin routes, a principal without the admin role is rejected with 403. */
    AuthResult check(Request request, boolean admin) {
        AuthResult result = current.get().authenticate(request.getHeaders()::get);
        return admin ? AdminAccess.check(result) : result;
    }

    /** Why {@code authenticator} may not serve on {@code listen}, if it may not. */
    static Optional<String> refusal(ListenAddress listen, Authenticator authenticator) {
        // An authenticator that is on satisfies the check whatever it accepts; one that is off is NONE.
        return authenticator.isEnabled() ? Optional.empty() : BindCheck.problem(listen, AuthConfig.NONE);
    }

    Authenticator current() {
        return current.get();
    }

    void swap(Authenticator authenticator) {
        current.set(Objects.requireNonNull(authenticator, "authenticator"));
    }
}
