package org.switchboard.media.codec;

/**
 * ITU-T G.722 wideband audio (50-7000 Hz) at 64 kbit/s, as RTP carries it (RFC 3551 §4.5.2):
 * static payload type 9, {@code a=rtpmap:9 G722/8000}, although it samples at 16 kHz. The clock
 * rate was mistakenly defined as 8000 Hz in RFC 1890 and kept for interoperability, so RTP
 * timestamps advance by half the number of samples (one unit per codeword byte).
 *
 * <p>Written here from the Recommendation and its ITU-T G.191 reference code rather than bound
 * through FFM: a small fixed-point algorithm that costs no native call per frame. Its output is
 * bit-identical to spandsp 0.0.6 ({@code g722_encode}/{@code g722_decode}, the library of Asterisk
 * and FreeSWITCH) except where the reference saturates and spandsp 0.0.6 does not: full-scale
 * output samples, which spandsp wraps around, and transmit filter outputs beyond 15 bits, which
 * only full-scale square waves and the like produce ({@code SpanDspComparisonTest}).
 */
public enum G722 implements AudioCodec {

    /** The only G.722 codec: mode 1, 64 kbit/s. */
    INSTANCE;

    /** The PCM sample rate of encoders and decoders. */
    public static final int SAMPLE_RATE = 16000;
    /** The RTP clock rate (RFC 3551 §4.5.2). */
    public static final int CLOCK_RATE = 8000;

    @Override
    public String encodingName() {
        return "G722";
    }

    @Override
    public int clockRate() {
        return CLOCK_RATE;
    }

    @Override
    public int sdpChannels() {
        return 1;
    }

    @Override
    public int staticPayloadType() {
        return 9;
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public AudioEncoder newEncoder() {
        return new G722Encoder();
    }

    @Override
    public AudioDecoder newDecoder() {
        return new G722Decoder();
    }

    /** The rtpmap form, {@code G722/8000}. */
    @Override
    public String toString() {
        return "G722/" + CLOCK_RATE;
    }
}
