package org.switchboard.store.crypto;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens small secrets with AES-256-GCM (NIST SP 800-38D).
 *
 * <p>A sealed value is {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}. The nonce is
 * random per sealing: with far fewer than 2<sup>32</sup> sealings per key (SP 800-38D §8.3)
 * a repeat is negligible. The caller's associated data names where the value belongs (its
 * table and row), so a value copied to another row fails authentication instead of opening.
 *
 * <p>The key is version {@value #KEY_VERSION}; stores keep the version beside each sealed value
 * so a later rotation can tell old values from new. Thread-safe. Neither the key nor any clear
 * text is ever logged or shown by {@link #toString()}.
 */
public final class SecretCipher {
    /** Version of the key this cipher seals with. */
    public static final int KEY_VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random;

    private SecretCipher(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /**
     * The cipher of the installation at {@code dataDir}: loads {@code dataDir/secrets/master.key},
     * creating directory (0700) and key (0600) on first start.
     *
     * @throws MasterKeyException if the key file is unreadable, too open or of the wrong size
     */
    public static SecretCipher open(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        SecureRandom random = new SecureRandom();
        byte[] key = MasterKeyFile.loadOrCreate(dataDir, random);
        try {
            return new SecretCipher(key, random);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** A cipher over the given 32-byte key, for tests. */
    static SecretCipher ofKey(byte[] key) {
        if (key.length != MasterKeyFile.KEY_BYTES) throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        return new SecretCipher(key, new SecureRandom());
    }

    /** The version stored beside values sealed by {@link #encrypt}. */
    public int keyVersion() { return KEY_VERSION; }

    /** Encrypts {@code plaintext}, bound to {@code associatedData}; a new random nonce each call. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * Decrypts a value sealed under {@code keyVersion} with the same associated data.
     *
     * @throws SecretDecryptionException if the value was altered, belongs elsewhere, is too short,
     *     or was sealed under a key version this cipher does not hold
     */
    public byte[] decrypt(int keyVersion, byte[] sealed, byte[] associatedData) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(associatedData, "associatedData");
        if (keyVersion != KEY_VERSION) {
            throw new SecretDecryptionException("sealed under key version " + keyVersion
                    + ", but this server holds only version " + KEY_VERSION);
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("sealed value is truncated (" + sealed.length + " bytes)");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException(
                    "sealed value failed authentication: altered, moved from another row, or sealed under another key", e);
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException("sealed value cannot be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() { return "SecretCipher[AES-256-GCM, key version " + KEY_VERSION + "]"; }
}
