package org.switchboard.media.relay;

/**
 * The SRTP transforms a leg's endpoint can apply (RFC 3711 §4, RFC 6188, RFC 7714): master
 * key and salt lengths and the authentication tag lengths of SRTP and SRTCP. Named as the
 * SDES crypto suites that select them (RFC 4568 §6.2).
 */
public enum SrtpSuite {
    AES_CM_128_HMAC_SHA1_80(16, 14, 10, 10, false),
    /** 32-bit SRTP tag; SRTCP keeps the 80-bit one (RFC 4568 §6.2.2). */
    AES_CM_128_HMAC_SHA1_32(16, 14, 4, 10, false),
    AES_256_CM_HMAC_SHA1_80(32, 14, 10, 10, false),
    AES_256_CM_HMAC_SHA1_32(32, 14, 4, 10, false),
    /** Authenticated encryption: the 16-byte GCM tag replaces HMAC (RFC 7714 §7). */
    AEAD_AES_128_GCM(16, 12, 16, 16, true),
    AEAD_AES_256_GCM(32, 12, 16, 16, true);

    private final int keyLength;
    private final int saltLength;
    private final int srtpTagLength;
    private final int srtcpTagLength;
    private final boolean aead;

    SrtpSuite(int keyLength, int saltLength, int srtpTagLength, int srtcpTagLength, boolean aead) {
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.srtpTagLength = srtpTagLength;
        this.srtcpTagLength = srtcpTagLength;
        this.aead = aead;
    }

    public int keyLength() { return keyLength; }

    public int saltLength() { return saltLength; }

    /** Bytes the transform adds to an RTP packet. */
    public int srtpTagLength() { return srtpTagLength; }

    /** Bytes of tag on an SRTCP packet (the 4-byte E flag and index come on top, RFC 3711 §3.4). */
    public int srtcpTagLength() { return srtcpTagLength; }

    /** True for AES-GCM, which authenticates without HMAC. */
    public boolean aead() { return aead; }
}
