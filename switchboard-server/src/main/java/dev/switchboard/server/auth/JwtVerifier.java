package dev.switchboard.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.core.config.JwtConfig;
import dev.switchboard.core.policy.Principal;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies bearer JWTs: the signature first (by an accepted algorithm and a configured key), then
 * the claims, then reads the principal. Thread-safe.
 */
final class JwtVerifier {
    /** Longer tokens are refused unread. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);

    private final SigningKeys keys;
    private final TokenClaims claims;
    private final Clock clock;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    JwtVerifier(SigningKeys keys, TokenClaims claims, Clock clock) {
        this.keys = keys;
        this.claims = claims;
        this.clock = clock;
    }

    /** The verifier {@code config} describes; a key file is read now, a JWK set when first needed. */
    static JwtVerifier of(JwtConfig config, HttpClient http, Clock clock) {
        Path file = config.publicKeyFile();
        SigningKeys keys;
        if (file != null) {
            keys = SigningKeys.file(file);
        } else if (config.jwksUrl() != null) {
            keys = SigningKeys.remote(config.jwksUrl(), http);
        } else {
            throw new IllegalArgumentException(
                    "gateway.auth.jwt: neither \"jwksUrl\" nor \"publicKeyFile\" (expected: one of them)");
        }
        return new JwtVerifier(keys, new TokenClaims(config), clock);
    }

    /** Whether {@code token} has the shape of a JWT: three parts (signed) or five (encrypted). */
    static boolean looksLikeJwt(String token) {
        int dots = 0;
        for (int i = 0; i < token.length() && dots <= 4; i++) {
            if (token.charAt(i) == '.') {
                dots++;
            }
        }
        return dots == 2 || dots == 4;
    }

    /**
     * The principal of {@code token}.
     *
     * @throws InvalidToken with the reason it is refused
     */
    Principal verify(String token) throws InvalidToken {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidToken("token too long");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new InvalidToken("malformed token");
        }
        if (jwt instanceof PlainJWT) {
            throw new InvalidToken("unsigned token (alg none) not accepted");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new InvalidToken("encrypted token not accepted");
        }
        if (!keys.accepts(signed.getHeader().getAlgorithm())) {
            throw new InvalidToken("token algorithm not accepted");
        }
        verifySignature(signed, candidates(signed));
        JWTClaimsSet set;
        try {
            set = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidToken("malformed token");
        }
        return claims.principal(set, clock.instant());
    }

    private List<PublicKey> candidates(SignedJWT signed) throws InvalidToken {
        List<PublicKey> candidates;
        try {
            candidates = keys.candidates(signed.getHeader());
        } catch (RateLimitReachedException e) {
            // the JWK set was refetched a moment ago and had no such key
            throw new InvalidToken("no signing key matches the token");
        } catch (KeySourceException e) {
            LOG.warn("JWT signing keys unavailable: {}", e.getMessage());
            throw new InvalidToken("signing keys unavailable");
        }
        if (candidates.isEmpty()) {
            throw new InvalidToken("no signing key matches the token");
        }
        return candidates;
    }

    private void verifySignature(SignedJWT signed, List<PublicKey> candidates) throws InvalidToken {
        for (PublicKey key : candidates) {
            try {
                JWSVerifier verifier = verifiers.createJWSVerifier(signed.getHeader(), key);
                if (signed.verify(verifier)) {
                    return;
                }
            } catch (JOSEException | IllegalStateException e) {
                // a key or algorithm that does not fit counts as a signature that does not verify
            }
        }
        throw new InvalidToken("invalid signature");
    }
}
