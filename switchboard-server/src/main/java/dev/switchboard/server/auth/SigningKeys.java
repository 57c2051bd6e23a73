package dev.switchboard.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The public keys that may have signed a token, and the algorithms they may have signed it with:
 * a remote JWK set (cached, refetched at most once per {@link #MIN_REFETCH} when a token names a
 * key it does not hold) or the one key of a PEM file. Only asymmetric algorithms are accepted (RSA
 * PKCS#1 and PSS, ECDSA), so neither {@code none} nor an HMAC algorithm, which would treat the
 * public key as a shared secret, can pass. RSA keys shorter than 2048 bits are not used.
 * Thread-safe.
 */
final class SigningKeys {
    /** How long a fetched JWK set is used before it is fetched again. */
    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    /** The least time between two fetches of the JWK set (the second of a window is the refetch). */
    static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    /** The bound on one fetch of the JWK set, body included. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    /** The largest JWK set accepted. */
    static final int MAX_JWKS_BYTES = 256 * 1024;

    private static final int MIN_RSA_BITS = 2048;
    private static final Set<JWSAlgorithm> RSA = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);
    private static final Set<JWSAlgorithm> EC = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Set<JWSAlgorithm> ALL = union(RSA, EC);

    private final Set<JWSAlgorithm> algorithms;
    private final @Nullable JWKSource<SecurityContext> jwks;
    private final @Nullable PublicKey key;

    private SigningKeys(
            Set<JWSAlgorithm> algorithms, @Nullable JWKSource<SecurityContext> jwks, @Nullable PublicKey key) {
        this.algorithms = algorithms;
        this.jwks = jwks;
        this.key = key;
    }

    /** The keys published at {@code url}, fetched through {@code http} when first needed. */
    static SigningKeys remote(URI url, HttpClient http) {
        return remote(url, http, FETCH_TIMEOUT);
    }

    /** The keys published at {@code url}, each fetch bounded by {@code fetchTimeout}. */
    static SigningKeys remote(URI url, HttpClient http, Duration fetchTimeout) {
        JWKSource<SecurityContext> source;
        try {
            source = JWKSourceBuilder.<SecurityContext>create(
                            url.toURL(), new JwksRetriever(http, fetchTimeout, MAX_JWKS_BYTES))
                    .cache(CACHE_TTL.toMillis(), fetchTimeout.plusSeconds(1).toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(MIN_REFETCH.toMillis())
                    .outageTolerant(true)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("gateway.auth.jwt.jwksUrl: not a URL (expected: an http or https URL)");
        }
        return new SigningKeys(ALL, source, null);
    }

    /** The key in the PEM {@code file}, read now. */
    static SigningKeys file(Path file) {
        PublicKey key = PemPublicKey.read(file);
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException(
                    PemPublicKey.PATH + ": \"" + file + "\" (expected: an RSA key of at least " + MIN_RSA_BITS
                            + " bits; found " + rsa.getModulus().bitLength() + ")");
        }
        return new SigningKeys(key instanceof RSAPublicKey ? RSA : EC, null, key);
    }

    /** Whether a token signed with {@code algorithm} may be accepted at all. */
    boolean accepts(JWSAlgorithm algorithm) {
        return algorithms.contains(algorithm);
    }

    /**
     * The keys that may have signed a token with {@code header}, matched by key id, type and
     * algorithm; empty when none does.
     *
     * @throws KeySourceException when the JWK set cannot be had (the fetch failed, or a refetch
     *     came too soon after the last one)
     */
    List<PublicKey> candidates(JWSHeader header) throws KeySourceException {
        PublicKey single = key;
        if (single != null) {
            return List.of(single);
        }
        JWKSource<SecurityContext> source = jwks;
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (source == null || matcher == null) {
            return List.of();
        }
        List<PublicKey> keys = new ArrayList<>();
        for (JWK jwk : source.get(new JWKSelector(matcher), null)) {
            PublicKey publicKey = publicKey(jwk);
            if (publicKey != null) {
                keys.add(publicKey);
            }
        }
        return keys;
    }

    private static @Nullable PublicKey publicKey(JWK jwk) {
        try {
            if (jwk instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS) {
                return rsa.toRSAPublicKey();
            }
            if (jwk instanceof ECKey ec) {
                return ec.toECPublicKey();
            }
        } catch (JOSEException e) {
            // a key we cannot use is no candidate
        }
        return null;
    }

    private static Set<JWSAlgorithm> union(Set<JWSAlgorithm> a, Set<JWSAlgorithm> b) {
        List<JWSAlgorithm> all = new ArrayList<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
