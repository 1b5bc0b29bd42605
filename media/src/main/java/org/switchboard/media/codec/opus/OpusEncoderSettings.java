package org.switchboard.media.codec.opus;

/**
 * How an Opus encoder codes voice: the {@code opus_encoder_ctl} values we set (RFC 6716 §2.1,
 * libopus {@code OPUS_SET_*}). The signal is always voice and the application VoIP.
 *
 * @param bitrate           target bitrate, 6000..510000 bit/s
 * @param complexity        0..10: CPU spent per frame against quality
 * @param inbandFec         code low-bitrate redundancy of the previous frame (in SILK and hybrid
 *                          modes) so a receiver can rebuild a lost packet from the next one
 * @param packetLossPercent expected loss, 0..100: how much FEC the encoder spends; 0 means none is
 *                          sent even when {@code inbandFec} is on, so feed it from RTCP reports
 * @param dtx               send almost nothing during silence (discontinuous transmission): a
 *                          payload of 2 bytes or less then need not be sent at all
 * @param maxPlaybackRate   the receiver's {@code maxplaybackrate}: the encoder codes no wider band
 */
public record OpusEncoderSettings(
        int bitrate, int complexity, boolean inbandFec, int packetLossPercent, boolean dtx, int maxPlaybackRate) {

    /**
     * Voice defaults: 32 kbit/s (full-band speech is near transparent there), complexity 5 (half
     * the encode CPU of 10 in {@code OpusBench}, for a small quality step that voice hardly
     * shows), FEC ready but unused until a loss figure arrives, no DTX.
     */
    public static final OpusEncoderSettings VOICE = new OpusEncoderSettings(32000, 5, true, 0, false, 48000);

    public OpusEncoderSettings {
        if (bitrate < 6000 || bitrate > 510000) {
            throw new IllegalArgumentException("Opus bitrate " + bitrate + " is not in 6000..510000 bit/s");
        }
        if (complexity < 0 || complexity > 10) {
            throw new IllegalArgumentException("Opus complexity " + complexity + " is not in 0..10");
        }
        if (packetLossPercent < 0 || packetLossPercent > 100) {
            throw new IllegalArgumentException("packet loss " + packetLossPercent + "% is not in 0..100");
        }
        if (maxPlaybackRate < 8000 || maxPlaybackRate > 48000) {
            throw new IllegalArgumentException("maxplaybackrate " + maxPlaybackRate + " is not in 8000..48000");
        }
    }

    /**
     * These settings as the receiver's fmtp allows (RFC 7587 §6.1): its {@code maxaveragebitrate}
     * caps the bitrate, its {@code maxplaybackrate} the band; FEC only when its decoder uses it;
     * DTX when it asks for it.
     */
    public OpusEncoderSettings towards(OpusParameters receiver) {
        int rate = receiver.maxAverageBitrate() == 0 ? bitrate : Math.min(bitrate, receiver.maxAverageBitrate());
        return new OpusEncoderSettings(rate, complexity, inbandFec && receiver.useInbandFec(), packetLossPercent,
                receiver.useDtx(), Math.min(maxPlaybackRate, receiver.maxPlaybackRate()));
    }

    /** The same with another bitrate. */
    public OpusEncoderSettings withBitrate(int bitsPerSecond) {
        return new OpusEncoderSettings(bitsPerSecond, complexity, inbandFec, packetLossPercent, dtx, maxPlaybackRate);
    }

    /** The same with another complexity. */
    public OpusEncoderSettings withComplexity(int level) {
        return new OpusEncoderSettings(bitrate, level, inbandFec, packetLossPercent, dtx, maxPlaybackRate);
    }

    /** The same with another expected loss. */
    public OpusEncoderSettings withPacketLossPercent(int percent) {
        return new OpusEncoderSettings(bitrate, complexity, inbandFec, percent, dtx, maxPlaybackRate);
    }

    /** The same with DTX on or off. */
    public OpusEncoderSettings withDtx(boolean on) {
        return new OpusEncoderSettings(bitrate, complexity, inbandFec, packetLossPercent, on, maxPlaybackRate);
    }

    /**
     * The Opus band for {@link #maxPlaybackRate}, as libopus numbers it: narrowband 1101 (up to
     * 8 kHz sampling) to fullband 1105 (RFC 7587 §6.1 maps the rate to the band this way).
     */
    int maxBandwidthCode() {
        if (maxPlaybackRate <= 8000) {
            return 1101;
        } else if (maxPlaybackRate <= 12000) {
            return 1102;
        } else if (maxPlaybackRate <= 16000) {
            return 1103;
        } else if (maxPlaybackRate <= 24000) {
            return 1104;
        }
        return 1105;
    }
}
