package dev.switchboard.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.policy.Principal;
import dev.switchboard.server.auth.AuthResult.Authenticated;
import dev.switchboard.server.auth.AuthResult.Method;
import dev.switchboard.server.auth.AuthResult.Rejected;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    @Test
    void letsAPrincipalWithTheAdminRoleThrough() {
        AuthResult admin = new Authenticated(new Principal("ops", null, Set.of("admin")), Method.API_KEY);

        assertThat(AdminAccess.check(admin)).isSameAs(admin);
    }

    @Test
    void refusesAPrincipalWithoutTheAdminRoleWith403() {
        AuthResult user = new Authenticated(new Principal("alice", "claude", Set.of("dev")), Method.JWT);

        AuthResult result = AdminAccess.check(user);

        assertThat(result).isEqualTo(new Rejected(403, "insufficient_scope", "the admin role is required"));
        assertThat(((Rejected) result).jsonBody())
                .isEqualTo("{\"error\":{\"code\":\"forbidden\",\"message\":\"the admin role is required\"}}");
    }

    @Test
    void passesRejectionsOnAndLetsTheAnonymousCallerInWhileAuthIsOff() {
        Rejected unauthenticated = new Rejected(401, null, "missing credentials");

        assertThat(AdminAccess.check(unauthenticated)).isSameAs(unauthenticated);
        assertThat(AdminAccess.check(AuthResult.ANONYMOUS)).isSameAs(AuthResult.ANONYMOUS);
    }
}
