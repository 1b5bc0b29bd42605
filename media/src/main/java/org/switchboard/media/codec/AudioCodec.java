package org.switchboard.media.codec;

/**
 * An audio codec as SDP names it ({@code a=rtpmap}, RFC 4566 §6; RFC 3551 §4.5 for the static
 * ones) and as the media pipeline uses it: a factory of encoders and decoders between RTP
 * payloads and 16-bit linear PCM at {@link #sampleRate()}.
 *
 * <p>Implementations are immutable and shareable; each call leg takes its own
 * {@link AudioEncoder} and {@link AudioDecoder}, which carry state (ADPCM predictors, Opus
 * state) and are used by one thread at a time. Pipeline audio is mono: a codec with two channels
 * in SDP (Opus, RFC 7587 §7) still hands mono PCM to the pipeline.
 */
public interface AudioCodec {

    /** The encoding name of {@code a=rtpmap}, as written there: {@code PCMU}, {@code G722}, {@code opus}. */
    String encodingName();

    /**
     * The RTP clock rate of {@code a=rtpmap}: the timestamp units per second. Not always the
     * sample rate: G.722 says 8000 but samples at 16 kHz (RFC 3551 §4.5.2).
     */
    int clockRate();

    /** Channels as written in {@code a=rtpmap} (1 when absent; 2 for Opus). */
    int sdpChannels();

    /** The static payload type of RFC 3551 table 4, or -1 for a dynamic one (96-127). */
    int staticPayloadType();

    /** The sample rate of the PCM that encoders take and decoders give, in Hz. */
    int sampleRate();

    /** A new encoder with its own state. */
    AudioEncoder newEncoder();

    /** A new decoder with its own state. */
    AudioDecoder newDecoder();
}
