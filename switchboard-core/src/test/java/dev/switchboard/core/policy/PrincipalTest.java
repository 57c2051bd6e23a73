package dev.switchboard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    @Test
    void givesAnIdOfUserAndAgentWithoutRoles() {
        assertThat(new Principal("alice", null, Set.of("admin")).id()).isEqualTo("user:alice");
        assertThat(new Principal("alice", "claude", Set.of()).id()).isEqualTo("user:alice/agent:claude");
        assertThat(Principal.ANONYMOUS.id()).isEqualTo("user:anonymous");
    }

    @Test
    void neverGivesTwoPrincipalsTheSameId() {
        Principal withAgent = new Principal("alice", "claude", Set.of());
        Principal lookalike = new Principal("alice/agent:claude", null, Set.of());
        Principal percent = new Principal("alice%2Fagent:claude", null, Set.of());

        assertThat(Set.of(withAgent.id(), lookalike.id(), percent.id())).hasSize(3);
        assertThat(lookalike.id()).isEqualTo("user:alice%2Fagent:claude");
    }

    @Test
    void knowsItsRolesExactly() {
        Principal principal = new Principal("bob", null, Set.of("admin", "dev"));

        assertThat(principal.hasRole("admin")).isTrue();
        assertThat(principal.hasRole("Admin")).isFalse();
        assertThat(Principal.ANONYMOUS.hasRole("admin")).isFalse();
        assertThat(Principal.ANONYMOUS.agent()).isNull();
        assertThat(Principal.ANONYMOUS.roles()).isEmpty();
    }

    @Test
    void copiesTheRoles() {
        Set<String> roles = new HashSet<>(Set.of("dev"));
        Principal principal = new Principal("bob", null, roles);

        roles.add("admin");

        assertThat(principal.hasRole("admin")).isFalse();
        assertThatThrownBy(() -> principal.roles().add("admin")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsBlankNames() {
        assertThatThrownBy(() -> new Principal(" ", null, Set.of())).hasMessage("user: \" \" (expected: not blank)");
        assertThatThrownBy(() -> new Principal("bob", "", Set.of()))
                .hasMessage("agent: \"\" (expected: not blank, or null for none)");
        assertThatThrownBy(() -> new Principal("bob", null, Set.of("")))
                .hasMessage("roles: \"\" (expected: no blank role)");
    }
}
