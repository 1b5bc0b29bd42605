package org.switchboard.media.dtmf;

import java.util.Objects;
import java.util.Optional;

/**
 * The RFC 4733 §2.3 telephone-event payload: four bytes per event.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param event    the event code (§2.3.1; 0-15 are DTMF, §3.2)
 * @param end      the E bit: this packet reports the end of the event (§2.3.2)
 * @param reserved the R bit: senders write 0, receivers ignore it (§2.3.3)
 * @param volume   the power level in -dBm0, 0-63 (§2.3.4)
 * @param duration timestamp units since the RTP timestamp of the packet, 0-0xFFFF (§2.3.5)
 */
public record TelephoneEvent(int event, boolean end, boolean reserved, int volume, int duration) {

    /** Bytes of one event in a payload. */
    public static final int LENGTH = 4;
    /** The largest duration one packet can carry; longer events are segmented (§2.5.1.3). */
    public static final int MAX_DURATION = 0xFFFF;

    public TelephoneEvent {
        check(event, 0xFF, "event");
        check(volume, 63, "volume");
        check(duration, MAX_DURATION, "duration");
    }

    /** An event for a DTMF digit, R bit clear. */
    public static TelephoneEvent of(DtmfDigit digit, boolean end, int volume, int duration) {
        return new TelephoneEvent(digit.code(), end, false, volume, duration);
    }

    /** The DTMF digit this event reports, empty for other events (flash, fax and modem tones). */
    public Optional<DtmfDigit> digit() { return DtmfDigit.fromCode(event); }

    /**
     * Reads the first event of {@code length} bytes of {@code payload} from {@code offset}. Bytes
     * beyond the first four are left alone (they only occur with RFC 2198 redundancy, which is
     * unwrapped before this).
     */
    public static TelephoneEventParseResult parse(byte[] payload, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (length < LENGTH) {
            return new TelephoneEventParseResult.Failed("telephone-event payload shorter than 4 bytes");
        }
        return new TelephoneEventParseResult.Parsed(new TelephoneEvent(code(payload, offset), end(payload, offset),
                (payload[offset + 1] & 0x40) != 0, payload[offset + 1] & 0x3F, duration(payload, offset)));
    }

    /** Writes the four payload bytes into {@code out} from {@code offset}; returns {@link #LENGTH}. */
    public int write(byte[] out, int offset) {
        Objects.checkFromIndexSize(offset, LENGTH, out.length);
        out[offset] = (byte) event;
        out[offset + 1] = (byte) ((end ? 0x80 : 0) | (reserved ? 0x40 : 0) | volume);
        out[offset + 2] = (byte) (duration >>> 8);
        out[offset + 3] = (byte) duration;
        return LENGTH;
    }

    static int code(byte[] payload, int offset) { return payload[offset] & 0xFF; }

    static boolean end(byte[] payload, int offset) { return (payload[offset + 1] & 0x80) != 0; }

    static int duration(byte[] payload, int offset) {
        return (payload[offset + 2] & 0xFF) << 8 | payload[offset + 3] & 0xFF;
    }

    private static void check(int value, int max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is not in 0.." + max);
        }
    }
}
