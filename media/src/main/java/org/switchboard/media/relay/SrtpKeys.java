package org.switchboard.media.relay;

import java.util.Arrays;
import java.util.Objects;

/**
 * The master key and salt of one direction of one SRTP leg (RFC 3711 §8.1), as an SDES
 * {@code a=crypto} line gave them (RFC 4568 §6.1): the phone's line keys what it sends us, our
 * line keys what we send it. {@code mkiLength} is the master key identifier the sender puts in
 * every packet (0: none, RFC 3711 §3.1); a receiver needs it to find the tag.
 *
 * <p>A secret: arrays are copied in and out, {@link #toString()} shows the suite only, and two
 * values are equal when their bytes are (so that re-announcing the same key changes nothing).
 */
public final class SrtpKeys {
    private final SrtpSuite suite;
    private final byte[] masterKey;
    private final byte[] masterSalt;
    private final int mkiLength;

    /**
     * @throws IllegalArgumentException when a length does not fit the suite, or the MKI is not
     *                                  0 to 128 bytes (RFC 4568 §9.1)
     */
    public SrtpKeys(SrtpSuite suite, byte[] masterKey, byte[] masterSalt, int mkiLength) {
        this.suite = Objects.requireNonNull(suite, "suite");
        if (masterKey.length != suite.keyLength()) throw new IllegalArgumentException("master key length does not fit " + suite);
        if (masterSalt.length != suite.saltLength()) throw new IllegalArgumentException("master salt length does not fit " + suite);
        if (mkiLength < 0 || mkiLength > 128) throw new IllegalArgumentException("MKI length must be 0 to 128");
        this.masterKey = masterKey.clone();
        this.masterSalt = masterSalt.clone();
        this.mkiLength = mkiLength;
    }

    /** Keys without MKI. */
    public SrtpKeys(SrtpSuite suite, byte[] masterKey, byte[] masterSalt) {
        this(suite, masterKey, masterSalt, 0);
    }

    public SrtpSuite suite() { return suite; }

    /** A copy. */
    public byte[] masterKey() { return masterKey.clone(); }

    /** A copy. */
    public byte[] masterSalt() { return masterSalt.clone(); }

    public int mkiLength() { return mkiLength; }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeys k && suite == k.suite && mkiLength == k.mkiLength
                && Arrays.equals(masterKey, k.masterKey) && Arrays.equals(masterSalt, k.masterSalt);
    }

    @Override
    public int hashCode() { return Objects.hash(suite, mkiLength, Arrays.hashCode(masterKey), Arrays.hashCode(masterSalt)); }

    /** The suite, never the key. */
    @Override
    public String toString() { return "SrtpKeys[" + suite + ", key redacted" + (mkiLength > 0 ? ", MKI " + mkiLength : "") + "]"; }
}
