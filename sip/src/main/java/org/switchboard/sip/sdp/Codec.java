package org.switchboard.sip.sdp;

import java.util.Locale;

/**
 * What a payload type stands for, whatever its number: encoding name, clock rate and
 * channels, as in {@code a=rtpmap:96 opus/48000/2}. Two legs may number the same codec
 * differently (dynamic payload types, RFC 3264 §6.1), so offers and answers are matched by
 * codec, never by number. Encoding names are case-insensitive (RFC 4855 §3) and kept in
 * upper case; channels default to 1 (RFC 8866 §6.6).
 */
public record Codec(String encodingName, int clockRate, int channels) {

    public static final Codec PCMU = new Codec("PCMU", 8_000, 1);
    public static final Codec PCMA = new Codec("PCMA", 8_000, 1);
    /** G.722 says 8000 in SDP although it samples at 16 kHz (RFC 3551 §4.5.2). */
    public static final Codec G722 = new Codec("G722", 8_000, 1);
    public static final Codec G729 = new Codec("G729", 8_000, 1);
    /** Opus is always {@code opus/48000/2} in SDP (RFC 7587 §7). */
    public static final Codec OPUS = new Codec("opus", 48_000, 2);
    /** RFC 4733 events at the clock of narrowband codecs (G.711, G.722). */
    public static final Codec TELEPHONE_EVENT_8000 = new Codec("telephone-event", 8_000, 1);
    /** RFC 4733 events at the clock of Opus. */
    public static final Codec TELEPHONE_EVENT_48000 = new Codec("telephone-event", 48_000, 1);

    public Codec {
        SdpSyntax.requireWord(encodingName, "encoding name");
        if (encodingName.indexOf('/') >= 0) throw new IllegalArgumentException("encoding name must not contain '/'");
        encodingName = encodingName.toUpperCase(Locale.ROOT);
        if (clockRate <= 0) throw new IllegalArgumentException("clock rate must be positive");
        if (channels <= 0) throw new IllegalArgumentException("channels must be positive");
    }

    /** RFC 4733 telephone events (DTMF), which ride beside an audio codec rather than replace it. */
    public boolean isTelephoneEvent() { return encodingName.equals("TELEPHONE-EVENT"); }

    /** Comfort noise (RFC 3389), which like telephone events needs a real codec beside it. */
    public boolean isComfortNoise() { return encodingName.equals("CN"); }

    /** {@code PCMU/8000}, {@code OPUS/48000/2}: the rtpmap notation. */
    @Override
    public String toString() { return encodingName + "/" + clockRate + (channels > 1 ? "/" + channels : ""); }
}
