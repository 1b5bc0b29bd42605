package org.switchboard.media.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The audio codecs a server offers and accepts, in preference order (first is best), and the
 * lookups SDP needs: by {@code a=rtpmap} name, clock rate and channels (RFC 4566 §6), and by
 * static payload type (RFC 3551 §6, Table 4). Immutable; {@link #with} and {@link #withPreferred}
 * return new registries.
 *
 * <p>The {@linkplain #standard() standard} order and why:
 * <ol>
 *   <li>{@code G722/8000}: wideband (7 kHz) speech for the same 64 kbit/s as G.711, supported by
 *       nearly every desk phone and softphone;</li>
 *   <li>{@code PCMU/8000}, {@code PCMA/8000}: narrowband, universal, the fallback every SIP peer
 *       has (RFC 3551 §4.5.14); µ-law first as in RFC 3551's table and most SIP stacks' defaults
 *       (a European trunk may prefer A-law: build a registry in that order);</li>
 *   <li>{@code L16/16000}, {@code L16/8000}, {@code L16/48000}: uncompressed (256, 128 and
 *       768 kbit/s), rarely offered by phones, useful to recorders and tests; the 48 kHz one last
 *       for its bandwidth.</li>
 * </ol>
 *
 * @param list the codecs, best first; no two with the same name, clock rate and channels
 */
public record Codecs(List<AudioCodec> list) {

    private static final Codecs STANDARD = new Codecs(List.of(
            G722.INSTANCE, G711.PCMU, G711.PCMA, L16.WIDEBAND, L16.NARROWBAND, L16.FULLBAND));

    public Codecs {
        list = List.copyOf(list);
        for (int i = 0; i < list.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (sameRtpmap(list.get(i), list.get(j))) {
                    throw new IllegalArgumentException("codec " + list.get(i) + " is listed twice");
                }
            }
        }
    }

    /** PCMU, PCMA, G.722 and L16 at 8, 16 and 48 kHz, in the order the class documentation explains. */
    public static Codecs standard() {
        return STANDARD;
    }

    /**
     * This registry with {@code codec} at the end (least preferred), or in the place of the codec
     * with the same name, clock rate and channels.
     */
    public Codecs with(AudioCodec codec) {
        Objects.requireNonNull(codec, "codec");
        List<AudioCodec> next = new ArrayList<>(list);
        int existing = indexOf(codec);
        if (existing >= 0) {
            next.set(existing, codec);
        } else {
            next.add(codec);
        }
        return new Codecs(next);
    }

    /** This registry with {@code codec} first (most preferred), replacing one with the same rtpmap. */
    public Codecs withPreferred(AudioCodec codec) {
        Objects.requireNonNull(codec, "codec");
        List<AudioCodec> next = new ArrayList<>(list.size() + 1);
        next.add(codec);
        for (AudioCodec other : list) {
            if (!sameRtpmap(other, codec)) {
                next.add(other);
            }
        }
        return new Codecs(next);
    }

    /**
     * The codec of an {@code a=rtpmap} entry (RFC 4566 §6). Encoding names compare
     * case-insensitively: each is a media subtype name (RFC 4855 §3), and those are
     * case-insensitive (RFC 6838 §4.2). {@code channels} of 0 or less means the parameter was
     * absent, which is 1.
     */
    public Optional<AudioCodec> find(String encodingName, int clockRate, int channels) {
        if (encodingName == null) {
            return Optional.empty();
        }
        int wanted = channels <= 0 ? 1 : channels;
        for (AudioCodec codec : list) {
            if (codec.encodingName().equalsIgnoreCase(encodingName) && codec.clockRate() == clockRate
                    && codec.sdpChannels() == wanted) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** The codec of an {@code a=rtpmap} entry without a channel count (one channel). */
    public Optional<AudioCodec> find(String encodingName, int clockRate) {
        return find(encodingName, clockRate, 1);
    }

    /**
     * The codec a static payload type stands for when SDP gives no {@code a=rtpmap} (RFC 3551 §6):
     * 0 PCMU, 8 PCMA, 9 G722 in the standard registry; empty for dynamic or unknown types.
     */
    public Optional<AudioCodec> forStaticPayloadType(int payloadType) {
        if (payloadType < 0 || payloadType > 95) {
            return Optional.empty();
        }
        for (AudioCodec codec : list) {
            if (codec.staticPayloadType() == payloadType) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    private int indexOf(AudioCodec codec) {
        for (int i = 0; i < list.size(); i++) {
            if (sameRtpmap(list.get(i), codec)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameRtpmap(AudioCodec a, AudioCodec b) {
        return a.encodingName().equalsIgnoreCase(b.encodingName()) && a.clockRate() == b.clockRate()
                && a.sdpChannels() == b.sdpChannels();
    }
}
