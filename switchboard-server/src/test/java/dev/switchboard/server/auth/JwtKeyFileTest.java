package dev.switchboard.server.auth;

import static dev.switchboard.server.auth.Tokens.AUDIENCE;
import static dev.switchboard.server.auth.Tokens.ISSUER;
import static dev.switchboard.server.auth.Tokens.NOW;
import static dev.switchboard.server.auth.Tokens.claims;
import static dev.switchboard.server.auth.Tokens.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.core.config.AuthConfig;
import dev.switchboard.core.config.JwtConfig;
import dev.switchboard.core.policy.Principal;
import dev.switchboard.server.auth.AuthResult.Authenticated;
import dev.switchboard.server.auth.AuthResult.Method;
import dev.switchboard.server.auth.AuthResult.Rejected;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens checked against the public key of a PEM file, RSA or EC. */
class JwtKeyFileTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RSAKey RSA = Tokens.Keys.RSA;
    private static final ECKey EC = Tokens.Keys.EC;
    private static final Principal ALICE = new Principal("alice", "claude", Set.of("admin", "dev"));

    @TempDir
    Path dir;

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    @Test
    void acceptsTokensSignedByTheRsaKeyOfTheFileWhateverTheirKeyId() throws IOException {
        Authenticator authenticator = authenticator(write("rsa.pem", Tokens.pem(RSA)));

        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS512)) {
            assertThat(authenticator.authenticate(Headers.bearer(signed(RSA, algorithm, claims().build()))))
                    .as(algorithm.getName())
                    .isEqualTo(new Authenticated(ALICE, Method.JWT));
        }
        for (String keyId : new String[] {null, "some-other-kid"}) {
            assertThat(authenticator.authenticate(
                            Headers.bearer(signed(RSA, JWSAlgorithm.RS256, claims().build(), h -> h.keyID(keyId)))))
                    .as("kid " + keyId)
                    .isEqualTo(new Authenticated(ALICE, Method.JWT));
        }
    }

    @Test
    void acceptsOnlyTheAlgorithmsOfTheFilesKeyType() throws IOException {
        Authenticator rsaFile = authenticator(write("rsa.pem", Tokens.pem(RSA)));
        Authenticator ecFile = authenticator(write("ec.pem", Tokens.pem(EC)));
        String ecToken = signed(EC, JWSAlgorithm.ES256, claims().build());
        String rsaToken = signed(RSA, JWSAlgorithm.RS256, claims().build());

        assertThat(ecFile.authenticate(Headers.bearer(ecToken))).isEqualTo(new Authenticated(ALICE, Method.JWT));
        assertThat(rsaFile.authenticate(Headers.bearer(ecToken))).isEqualTo(refused("token algorithm not accepted"));
        assertThat(ecFile.authenticate(Headers.bearer(rsaToken))).isEqualTo(refused("token algorithm not accepted"));
        assertThat(rsaFile.authenticate(Headers.bearer(Tokens.hmacWithPublicKey(RSA, claims().build()))))
                .isEqualTo(refused("token algorithm not accepted"));
        assertThat(rsaFile.authenticate(Headers.bearer(Tokens.unsigned(claims().build()))))
                .isEqualTo(refused("unsigned token (alg none) not accepted"));
        assertThat(rsaFile.authenticate(
                        Headers.bearer(signed(Tokens.Keys.IMPOSTOR, JWSAlgorithm.RS256, claims().build()))))
                .isEqualTo(refused("invalid signature"));
    }

    @Test
    void acceptsTokensSignedByTheKeyOfACertificate() throws Exception {
        Path certificate = resource("test-signer.crt");
        String privateKey = Files.readString(resource("test-signer.key"))
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        ECPrivateKey signingKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims().build());
        token.sign(new ECDSASigner(signingKey));

        AuthResult result = authenticator(certificate).authenticate(Headers.bearer(token.serialize()));

        assertThat(result).isEqualTo(new Authenticated(ALICE, Method.JWT));
    }

    @Test
    void refusesFilesWithoutAUsablePublicKey() throws Exception {
        RSAKey small = new RSAKeyGenerator(1024, true).generate();
        String body =
                Tokens.pem(RSA).lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);

        assertRefused(dir.resolve("missing.pem"), "cannot read it: NoSuchFileException");
        assertRefused(write("empty.pem", "not a pem file"), "no PEM block found");
        assertRefused(
                write("private.pem", "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n"),
                "found a private key; give the public key only, the issuer keeps the private one");
        assertRefused(
                write("pkcs1.pem", "-----BEGIN RSA PUBLIC KEY-----\n" + body + "\n-----END RSA PUBLIC KEY-----\n"),
                "found RSA PUBLIC KEY (PKCS#1); convert it with openssl rsa -RSAPublicKey_in -in FILE -pubout");
        assertRefused(
                write("junk.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
                "the PUBLIC KEY block holds neither an RSA nor an EC key");
        Path weak = write("weak.pem", Tokens.pem(small));
        assertThatThrownBy(() -> authenticator(weak))
                .hasMessage("gateway.auth.jwt.publicKeyFile: \"" + weak
                        + "\" (expected: an RSA key of at least 2048 bits; found 1024)");
    }

    private void assertRefused(Path file, String found) {
        assertThatThrownBy(() -> authenticator(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gateway.auth.jwt.publicKeyFile: \"" + file + "\" (expected: a PEM file with an RSA or EC"
                        + " public key: BEGIN PUBLIC KEY or BEGIN CERTIFICATE; " + found + ")");
    }

    private static Rejected refused(String reason) {
        return new Rejected(401, "invalid_token", reason);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(Objects.requireNonNull(JwtKeyFileTest.class.getResource(name), name)
                .toURI());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Authenticator authenticator(Path keyFile) {
        JwtConfig config = new JwtConfig(ISSUER, AUDIENCE, null, keyFile, "sub", "azp", "roles");
        return Authenticator.create(new AuthConfig(List.of(), config), HTTP, CLOCK);
    }
}
