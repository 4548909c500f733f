package org.ichnet.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token the service asks for when one is configured. Tokens are compared as SHA-256 digests
 * with {@link MessageDigest#isEqual}, so neither the content nor the length of the right token leaks
 * through timing.
 */
final class AccessToken {

    private final byte[] digest;

    private AccessToken(byte[] digest) {
        this.digest = digest;
    }

    /** Null or blank: no token needed. */
    static AccessToken of(String token) {
        return token == null || token.isBlank() ? null : new AccessToken(sha256(token));
    }

    /** Whether an {@code Authorization} header value ({@code Bearer T}) carries the token. */
    boolean admits(String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) return false;
        return MessageDigest.isEqual(digest, sha256(authorization.substring(prefix.length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
