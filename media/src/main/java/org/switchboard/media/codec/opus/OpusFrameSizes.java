package org.switchboard.media.codec.opus;

/**
 * The frame durations Opus codes (RFC 6716 §2.1.4: 2.5, 5, 10, 20, 40 and 60 ms per frame; a
 * packet carries at most 120 ms, §3.2.5) expressed in samples at one of the rates Opus takes.
 */
final class OpusFrameSizes {

    /** The sample rates an Opus encoder or decoder accepts (RFC 6716 §2). */
    static boolean isSupportedRate(int sampleRate) {
        return sampleRate == 8000 || sampleRate == 12000 || sampleRate == 16000
                || sampleRate == 24000 || sampleRate == 48000;
    }

    /** Samples in 2.5 ms, the unit every Opus frame duration is a multiple of. */
    static int quantum(int sampleRate) {
        return sampleRate / 400;
    }

    /** Whether {@code samples} is one encodable frame: 2.5, 5, 10, 20, 40 or 60 ms. */
    static boolean isEncodable(int samples, int sampleRate) {
        int q = quantum(sampleRate);
        if (samples <= 0 || samples % q != 0) {
            return false;
        }
        int units = samples / q;
        return units == 1 || units == 2 || units == 4 || units == 8 || units == 16 || units == 24;
    }

    /** The most samples one packet decodes to: 120 ms. */
    static int maxPacketSamples(int sampleRate) {
        return sampleRate * 120 / 1000;
    }

    /** Whether {@code payload[offset, offset + length)} exists and is a length an Opus packet can have. */
    static boolean isPayload(byte[] payload, int offset, int length) {
        return payload != null && length > 0 && length <= MAX_PACKET_BYTES
                && offset >= 0 && offset <= payload.length - length;
    }

    /**
     * The part of a loss of {@code samples} that concealment or FEC can fill in {@code pcm} from
     * {@code pcmOffset}: at most 120 ms, within the array, rounded down to 2.5 ms as libopus needs.
     */
    static int lossSpan(int samples, short[] pcm, int pcmOffset, int sampleRate) {
        if (pcmOffset < 0 || pcmOffset > pcm.length) {
            return 0;
        }
        int n = Math.min(Math.min(samples, maxPacketSamples(sampleRate)), pcm.length - pcmOffset);
        return Math.max(0, n - n % quantum(sampleRate));
    }

    /** Largest payload we take or make: 120 ms of 1275-byte frames plus framing (RFC 6716 §3.2). */
    static final int MAX_PACKET_BYTES = 6 * 1275 + 12;

    private OpusFrameSizes() { }
}
