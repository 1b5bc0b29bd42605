package org.switchboard.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The bearer token (RFC 6750) that guards the admin API: 32 random bytes, base64url without
 * padding. The server writes it to a file only its owner can read; whoever can read that
 * file administers the server. {@link #toString()} hides it so it never reaches a log.
 */
public final class AdminToken {
    private static final int BYTES = 32;
    private final String value;

    private AdminToken(String value) { this.value = value; }

    /** A fresh token from a {@link SecureRandom}. */
    public static AdminToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new AdminToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A token read back from its file; surrounding whitespace is ignored. */
    public static AdminToken of(String text) {
        String token = Objects.requireNonNull(text, "text").strip();
        if (token.isEmpty() || !token.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("an admin token is base64url text");
        }
        return new AdminToken(token);
    }

    /** The text to write to the token file or send in an Authorization header. */
    public String reveal() { return value; }

    /**
     * Compares in constant time: both sides are hashed first, so neither the content nor the
     * length of the presented token shows in the timing.
     */
    public boolean matches(String presented) {
        if (presented == null) return false;
        return MessageDigest.isEqual(sha256(presented), sha256(value));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() { return "AdminToken[hidden]"; }
}
