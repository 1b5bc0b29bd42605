package org.switchboard.sip.sdp;

import java.util.Optional;

/**
 * The SRTP crypto suites a {@code a=crypto} line may name (RFC 4568 §6.2, RFC 6188 §7.1,
 * RFC 7714 §14.2) that this server can terminate, with the length of their master key and
 * master salt, which is what the {@code inline:} key of the line must hold (RFC 4568 §6.1).
 * Other suites ({@code F8_128_HMAC_SHA1_80}, the 192-bit ones, the NULL-cipher ones) are
 * skipped when parsed: no phone we know of prefers them.
 *
 * <p>The enum order is this server's preference when it offers; the phone's order wins when
 * it offers (RFC 4568 §7.1.1).
 */
public enum CryptoSuite {
    /** The default suite every SDES implementation has (RFC 4568 §6.2.1). */
    AES_CM_128_HMAC_SHA1_80(16, 14),
    /** As above with a 32-bit SRTP tag; SRTCP keeps 80 bits (RFC 4568 §6.2.2). */
    AES_CM_128_HMAC_SHA1_32(16, 14),
    /** AES-256 counter mode (RFC 6188 §3). */
    AES_256_CM_HMAC_SHA1_80(32, 14),
    AES_256_CM_HMAC_SHA1_32(32, 14),
    /** AES-GCM authenticated encryption, 16-byte tag, 12-byte salt (RFC 7714 §12). */
    AEAD_AES_128_GCM(16, 12),
    AEAD_AES_256_GCM(32, 12);

    private final int keyLength;
    private final int saltLength;

    CryptoSuite(int keyLength, int saltLength) {
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** Master key length in bytes. */
    public int keyLength() { return keyLength; }

    /** Master salt length in bytes. */
    public int saltLength() { return saltLength; }

    /** Bytes of {@code inline:} key material: master key then master salt. */
    public int keySaltLength() { return keyLength + saltLength; }

    /** The name as written in SDP. */
    public String sdpName() { return name(); }

    /** The suite of an SDP name, compared exactly: RFC 4568 §9.1 suite names are case-sensitive tokens. */
    public static Optional<CryptoSuite> of(String sdpName) {
        for (CryptoSuite s : values()) {
            if (s.name().equals(sdpName)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
