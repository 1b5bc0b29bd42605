/**
 * Audio codecs between RTP payloads and 16-bit linear PCM: G.711 u-law and A-law, G.722, L16,
 * Opus. {@link org.switchboard.media.codec.AudioCodec} is the contract; {@link
 * org.switchboard.media.codec.Codecs} finds a codec by its SDP name. G.711, G.722 and L16 are
 * written here (small, fixed ITU algorithms with public test vectors); Opus uses the system
 * libopus through FFM, with a pure-Java fallback when it is absent.
 */
package org.switchboard.media.codec;
