/**
 * Opus (RFC 6716) for RTP (RFC 7587): the system {@code libopus} through the FFM API, and the
 * pure-Java Concentus port when that library cannot be loaded.
 *
 * <p>{@link org.switchboard.media.codec.opus.OpusCodec#load()} picks the best implementation
 * (native, then Java; the system property {@value
 * org.switchboard.media.codec.opus.OpusCodec#IMPLEMENTATION_PROPERTY} changes the order) and
 * says which in one log line; when neither loads it answers
 * {@link org.switchboard.media.codec.opus.OpusSupport.Unavailable} and SDP simply does not offer
 * Opus. We wrap the reference implementation rather than write Opus: it is a large codec whose
 * bit-exact decoder and tuned encoder are what Asterisk and FreeSWITCH use too.
 *
 * <p>RTP timestamps always count 48 kHz (RFC 7587 §4.1) while the pipeline PCM may run at 8,
 * 12, 16, 24 or 48 kHz ({@link org.switchboard.media.codec.opus.OpusCodec#withSampleRate}): a
 * narrowband leg can keep its audio at 16 kHz and save the resampling. Pipeline audio is mono;
 * the decoder mixes a stereo packet down and the encoder sends mono, which every receiver must
 * accept whatever {@code stereo} says (RFC 7587 §7).
 */
package org.switchboard.media.codec.opus;
