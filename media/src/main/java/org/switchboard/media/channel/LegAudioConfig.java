package org.switchboard.media.channel;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.G711;

/**
 * What offer/answer settled for a leg that ends in the server, and how we send on it. Invalid
 * values fail in the constructor with a message naming the field.
 *
 * @param codec                    the negotiated audio codec (the first format of the answer)
 * @param payloadType              its RTP payload type, 0..127 (static, or the dynamic one of {@code a=rtpmap})
 * @param telephoneEventPayloadType the payload type of {@code telephone-event} (RFC 4733 §7.1.1), or
 *                                 {@link #NO_TELEPHONE_EVENT} when the phone did not agree to it
 * @param telephoneEventClockRate  its clock rate from {@code a=rtpmap}, 1000..192000 Hz; 8000 when
 *                                 there is none. RFC 4733 §2.1 asks for the audio's clock rate
 * @param ptimeMillis              packet time we send and play out in, 10..60 ms (default 20,
 *                                 RFC 3551 §4.5); a whole number of samples at the codec's rate, and
 *                                 for Opus a frame size it codes (10, 20, 40 or 60, RFC 6716 §2.1.4)
 * @param localSsrc                our SSRC towards the phone, unsigned 32-bit, random (RFC 3550 §8.1)
 * @param cname                    our RTCP CNAME (RFC 3550 §6.5.1), 1..255 octets of UTF-8
 * @param inbandDtmf               whether to look for DTMF tones in the decoded audio (for G.711
 *                                 phones that send no telephone-event); it stops by itself once
 *                                 the phone sends RFC 4733 events, so a key is never reported twice
 */
public record LegAudioConfig(AudioCodec codec, int payloadType, int telephoneEventPayloadType,
                             int telephoneEventClockRate, int ptimeMillis, long localSsrc, String cname,
                             boolean inbandDtmf) {

    /** {@link #telephoneEventPayloadType()} when no telephone-event was negotiated. */
    public static final int NO_TELEPHONE_EVENT = -1;
    /** The default packet time. */
    public static final int DEFAULT_PTIME_MILLIS = 20;

    public LegAudioConfig {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(cname, "cname");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payloadType must be 0..127, got " + payloadType);
        }
        if (telephoneEventPayloadType != NO_TELEPHONE_EVENT
                && (telephoneEventPayloadType < 0 || telephoneEventPayloadType > 127)) {
            throw new IllegalArgumentException("telephoneEventPayloadType must be 0..127 or -1 (none), got "
                    + telephoneEventPayloadType);
        }
        if (telephoneEventPayloadType == payloadType) {
            throw new IllegalArgumentException("telephone-event and " + codec + " cannot share payload type " + payloadType);
        }
        if (telephoneEventClockRate < 1000 || telephoneEventClockRate > 192_000) {
            throw new IllegalArgumentException("telephoneEventClockRate must be 1000..192000 Hz, got "
                    + telephoneEventClockRate);
        }
        if (ptimeMillis < 10 || ptimeMillis > 60) {
            throw new IllegalArgumentException("ptimeMillis must be 10..60, got " + ptimeMillis);
        }
        if ((long) codec.sampleRate() * ptimeMillis % 1000 != 0) {
            throw new IllegalArgumentException("ptimeMillis " + ptimeMillis + " is not a whole number of samples at "
                    + codec.sampleRate() + " Hz");
        }
        if (codec.encodingName().equalsIgnoreCase("opus") && ptimeMillis != 10 && ptimeMillis != 20
                && ptimeMillis != 40 && ptimeMillis != 60) {
            throw new IllegalArgumentException("ptimeMillis " + ptimeMillis + " is not an Opus frame size (10, 20, 40 or 60)");
        }
        if (localSsrc < 0 || localSsrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("localSsrc must be an unsigned 32-bit value, got " + localSsrc);
        }
        int octets = cname.getBytes(StandardCharsets.UTF_8).length;
        if (octets < 1 || octets > 255) {
            throw new IllegalArgumentException("cname must be 1..255 octets of UTF-8, got " + octets);
        }
    }

    /**
     * A leg sending {@code codec} as {@code payloadType} every 20 ms, with a random SSRC, no
     * telephone-event, and in-band DTMF detection for G.711.
     */
    public static LegAudioConfig of(AudioCodec codec, int payloadType, String cname) {
        Objects.requireNonNull(codec, "codec");
        return new LegAudioConfig(codec, payloadType, NO_TELEPHONE_EVENT, 8000, DEFAULT_PTIME_MILLIS,
                ThreadLocalRandom.current().nextLong(1L << 32), cname, codec instanceof G711);
    }

    /** The same with telephone-event on {@code payloadType} at {@code clockRate} Hz. */
    public LegAudioConfig withTelephoneEvent(int payloadType, int clockRate) {
        return new LegAudioConfig(codec, this.payloadType, payloadType, clockRate, ptimeMillis, localSsrc, cname,
                inbandDtmf);
    }

    public LegAudioConfig withPtime(int millis) {
        return new LegAudioConfig(codec, payloadType, telephoneEventPayloadType, telephoneEventClockRate, millis,
                localSsrc, cname, inbandDtmf);
    }

    public LegAudioConfig withSsrc(long ssrc) {
        return new LegAudioConfig(codec, payloadType, telephoneEventPayloadType, telephoneEventClockRate, ptimeMillis,
                ssrc, cname, inbandDtmf);
    }

    public LegAudioConfig withInbandDtmf(boolean on) {
        return new LegAudioConfig(codec, payloadType, telephoneEventPayloadType, telephoneEventClockRate, ptimeMillis,
                localSsrc, cname, on);
    }

    /** Whether telephone-event was negotiated. */
    public boolean hasTelephoneEvent() {
        return telephoneEventPayloadType != NO_TELEPHONE_EVENT;
    }

    /** Samples of one packet at the codec's PCM rate. */
    public int frameSamples() {
        return codec.sampleRate() * ptimeMillis / 1000;
    }

    /** One packet time in nanoseconds. */
    public long ptimeNanos() {
        return ptimeMillis * 1_000_000L;
    }
}
