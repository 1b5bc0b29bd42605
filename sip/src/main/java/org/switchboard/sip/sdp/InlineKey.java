package org.switchboard.sip.sdp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One {@code inline:} key parameter of an {@code a=crypto} line (RFC 4568 §6.1, §9.1):
 * {@code inline:<base64 of master key || master salt>[|<lifetime>][|<MKI value>:<MKI length>]}.
 * The lifetime ({@code 2^31} or decimal packets) is kept as written; this server never sends
 * that many packets under one key. The MKI (master key identifier) is a field the sender puts
 * into every SRTP packet; its length is what a receiver needs to find the authentication tag.
 *
 * <p>The key material is secret: {@link #toString()} never shows it, {@link #text()} is for
 * the SDP body only. Arrays are copied in and out.
 *
 * @param lifetime the lifetime as written, or null
 * @param mki      the master key identifier, or null when packets carry none
 */
public record InlineKey(byte[] keySalt, String lifetime, Mki mki) {

    /** Longest MKI, in bytes (RFC 4568 §9.1: {@code mki-length} 1 to 128). */
    public static final int MAX_MKI_LENGTH = 128;

    /**
     * A master key identifier (RFC 3711 §3.1): {@code value} in decimal as written, carried in
     * {@code length} bytes of every packet.
     */
    public record Mki(String value, int length) {
        public Mki {
            Objects.requireNonNull(value, "value");
            // 128 bytes hold at most 309 decimal digits
            if (value.isEmpty() || value.length() > 309 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("MKI value must be decimal digits");
            }
            if (length < 1 || length > MAX_MKI_LENGTH) throw new IllegalArgumentException("MKI length must be 1 to 128");
        }

        String text() { return value + ":" + length; }
    }

    public InlineKey {
        Objects.requireNonNull(keySalt, "keySalt");
        if (keySalt.length == 0) throw new IllegalArgumentException("empty key");
        keySalt = keySalt.clone();
        if (lifetime != null && !isLifetime(lifetime)) throw new IllegalArgumentException("malformed key lifetime");
    }

    /** A fresh key of the length {@code suite} needs, from a cryptographically strong source. */
    public static InlineKey generate(CryptoSuite suite, SecureRandom random) {
        byte[] bytes = new byte[suite.keySaltLength()];
        random.nextBytes(bytes);
        try {
            return new InlineKey(bytes, null, null);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Master key then master salt, a copy. */
    @Override
    public byte[] keySalt() { return keySalt.clone(); }

    /** The master key of {@code suite}: the first {@link CryptoSuite#keyLength()} bytes. */
    public byte[] masterKey(CryptoSuite suite) { return Arrays.copyOfRange(keySalt, 0, suite.keyLength()); }

    /** The master salt of {@code suite}: the bytes after the key. */
    public byte[] masterSalt(CryptoSuite suite) {
        return Arrays.copyOfRange(keySalt, suite.keyLength(), suite.keyLength() + suite.saltLength());
    }

    /** Bytes of MKI in each packet: 0 without MKI. */
    public int mkiLength() { return mki == null ? 0 : mki.length(); }

    /** The parameter as written in SDP, key included. */
    public String text() {
        StringBuilder b = new StringBuilder("inline:").append(Base64.getEncoder().encodeToString(keySalt));
        if (lifetime != null) b.append('|').append(lifetime);
        if (mki != null) b.append('|').append(mki.text());
        return b.toString();
    }

    /** RFC 4568 §9.1 {@code lifetime = ["2^"] 1*(DIGIT)}. */
    static boolean isLifetime(String s) {
        String digits = s.startsWith("2^") ? s.substring(2) : s;
        return SdpSyntax.digits(digits) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InlineKey k && Arrays.equals(keySalt, k.keySalt) && Objects.equals(lifetime, k.lifetime)
                && Objects.equals(mki, k.mki);
    }

    @Override
    public int hashCode() { return Objects.hash(Arrays.hashCode(keySalt), lifetime, mki); }

    /** Never the key: secrets stay out of logs. */
    @Override
    public String toString() {
        return "InlineKey[" + keySalt.length + " bytes redacted" + (lifetime == null ? "" : ", lifetime " + lifetime)
                + (mki == null ? "" : ", MKI length " + mki.length()) + "]";
    }
}
