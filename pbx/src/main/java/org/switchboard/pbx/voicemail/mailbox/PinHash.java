package org.switchboard.pbx.voicemail.mailbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A voicemail PIN as stored: PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) of the digits with a 16-byte
 * random salt, never the PIN itself. Encoded as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
 * (base64 without padding), so the iteration count can grow without invalidating stored PINs.
 * {@link #matches} compares in constant time. {@link #toString()} hides the hash.
 *
 * <p>A 4-digit PIN has only 10,000 values: the hash keeps it out of a casual read of the
 * database, but the real defence of a short PIN is the limit on tries at the phone.
 */
public final class PinHash {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: a PIN check takes about 0.2 s at this cost (measured on the 2-core build machine). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PinHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code pin} with a fresh salt from {@code random} (a {@code SecureRandom} in production). */
    public static PinHash of(String pin, RandomGenerator random, int iterations) {
        Objects.requireNonNull(pin, "pin");
        if (iterations < 1) throw new IllegalArgumentException("iterations must be positive");
        byte[] salt = new byte[SALT_BYTES];
        for (int i = 0; i < salt.length; i++) salt[i] = (byte) random.nextInt(256);
        return new PinHash(iterations, salt, derive(pin, salt, iterations));
    }

    /** The hash of an {@link #encoded()} text, or empty when the text is not one. */
    public static Optional<PinHash> parse(String encoded) {
        if (encoded == null) return Optional.empty();
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) return Optional.empty();
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length == 0 || hash.length != HASH_BITS / 8) return Optional.empty();
            return Optional.of(new PinHash(iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when {@code pin} is the PIN this hash was made from; the comparison takes the same time either way. */
    public boolean matches(String pin) {
        if (pin == null) return false;
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    /** The text stored in the database. */
    public String encoded() {
        return SCHEME + "$" + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    public int iterations() {
        return iterations;
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        char[] chars = pin.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java SE runtime", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinHash p && p.iterations == iterations && MessageDigest.isEqual(p.salt, salt)
                && MessageDigest.isEqual(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "PinHash[hidden]";
    }
}
