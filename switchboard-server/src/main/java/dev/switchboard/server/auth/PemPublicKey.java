package dev.switchboard.server.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the public key that signs tokens from a PEM file: {@code BEGIN PUBLIC KEY} (an RSA or EC
 * key in X.509 SubjectPublicKeyInfo form, as {@code openssl pkey -pubout} writes it) or {@code BEGIN
 * CERTIFICATE} (the key of an X.509 certificate). Every failure is an {@link
 * IllegalArgumentException} naming the file and the form expected.
 */
final class PemPublicKey {
    static final String PATH = "gateway.auth.jwt.publicKeyFile";
    private static final String EXPECTED =
            "a PEM file with an RSA or EC public key: BEGIN PUBLIC KEY or BEGIN CERTIFICATE";
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final long MAX_BYTES = 1 << 20;

    private PemPublicKey() {}

    /** The RSA or EC public key in {@code file}. */
    static PublicKey read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw invalid(file, "larger than 1 MiB");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw invalid(file, "cannot read it: " + e.getClass().getSimpleName());
        }
        Matcher block = BLOCK.matcher(text);
        if (!block.find()) {
            throw invalid(file, "no PEM block found");
        }
        String type = block.group(1);
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(2));
        } catch (IllegalArgumentException e) {
            throw invalid(file, "the " + type + " block is not base64");
        }
        PublicKey key = switch (type) {
            case "PUBLIC KEY" -> publicKey(file, der);
            case "CERTIFICATE" -> certificateKey(file, der);
            case "RSA PUBLIC KEY" ->
                throw invalid(
                        file,
                        "found RSA PUBLIC KEY (PKCS#1); convert it with"
                                + " openssl rsa -RSAPublicKey_in -in FILE -pubout");
            default -> {
                if (type.contains("PRIVATE")) {
                    throw invalid(
                            file, "found a private key; give the public key only, the issuer keeps the private one");
                }
                throw invalid(file, "found " + type);
            }
        };
        if (!(key instanceof RSAPublicKey) && !(key instanceof ECPublicKey)) {
            throw invalid(file, "found a " + key.getAlgorithm() + " key");
        }
        return key;
    }

    private static PublicKey publicKey(Path file, byte[] der) {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (GeneralSecurityException e) {
                // not of this algorithm; try the next one
            }
        }
        throw invalid(file, "the PUBLIC KEY block holds neither an RSA nor an EC key");
    }

    private static PublicKey certificateKey(Path file, byte[] der) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
        } catch (GeneralSecurityException e) {
            throw invalid(file, "the CERTIFICATE block is not an X.509 certificate");
        }
    }

    private static IllegalArgumentException invalid(Path file, String found) {
        return new IllegalArgumentException(PATH + ": \"" + file + "\" (expected: " + EXPECTED + "; " + found + ")");
    }
}
