package dev.switchboard.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys and identities: what makes two keys equal, and what their text never shows. */
class PoolKeyTest {

    @Test
    void hashesCredentialsIgnoringHeaderCaseAndOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("Authorization", "Bearer abc");
        one.put("X-Tenant-Id", "t1");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("x-tenant-id", "t1");
        other.put("AUTHORIZATION", "Bearer abc");

        assertThat(PoolIdentity.of("alice", one)).isEqualTo(PoolIdentity.of("alice", other));
        assertThat(PoolIdentity.of("alice", one).credentialsHash()).hasSize(32).isHexadecimal();
    }

    @Test
    void separatesIdentitiesByPrincipalAndByCredentials() {
        Map<String, String> token = Map.of("Authorization", "Bearer abc");

        assertThat(PoolIdentity.of("alice", token)).isNotEqualTo(PoolIdentity.of("bob", token));
        assertThat(PoolIdentity.of("alice", token))
                .isNotEqualTo(PoolIdentity.of("alice", Map.of("Authorization", "Bearer abd")));
        assertThat(PoolIdentity.of("alice", token)).isNotEqualTo(PoolIdentity.of("alice"));
        assertThat(PoolIdentity.of("alice", Map.of())).isEqualTo(PoolIdentity.of("alice"));
    }

    @Test
    void keepsNamesAndValuesApartSoThatShiftedSplitsDoNotCollide() {
        assertThat(PoolIdentity.of("alice", Map.of("a", "bc")))
                .isNotEqualTo(PoolIdentity.of("alice", Map.of("ab", "c")));
    }

    @Test
    void showsNeitherThePrincipalNorACredential() {
        PoolKey key = PoolKey.of(
                PoolIdentity.of("alice@example.com", Map.of("Authorization", "Bearer s3cr3t")), "github", "http");

        assertThat(key.toString())
                .startsWith("github/http[principal=")
                .matches("github/http\\[principal=[0-9a-f]{8}, credentials=[0-9a-f]{8}]")
                .doesNotContain("alice", "s3cr3t", "Bearer");
        assertThat(key.identity().toString()).doesNotContain("alice", "s3cr3t");
        assertThat(PoolKey.of(PoolIdentity.of("alice"), "github", "stdio").toString())
                .endsWith(", credentials=none]");
    }

    @Test
    void rejectsBlankParts() {
        assertThatThrownBy(() -> PoolIdentity.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("principal: \" \" (expected: not blank)");
        assertThatThrownBy(() -> PoolKey.of(PoolIdentity.of("a"), "", "http"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server: \"\" (expected: not blank)");
        assertThatThrownBy(() -> PoolKey.of(PoolIdentity.of("a"), "github", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transport: \"\" (expected: not blank)");
    }
}
