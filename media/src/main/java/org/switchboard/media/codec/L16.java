package org.switchboard.media.codec;

/**
 * Uncompressed 16-bit linear PCM as RTP carries it (RFC 3551 §4.5.11): signed, big-endian
 * (network order), here mono at any rate, {@code L16/8000}, {@code L16/16000}, {@code L16/48000}.
 * Always a dynamic payload type: the static types 10 and 11 are 44.1 kHz stereo and Switchboard's
 * pipeline is mono, so they are not offered. Two bytes per sample; a trailing odd byte of a
 * payload is ignored. Loss is concealed by a fade of the last frame.
 *
 * @param sampleRate the clock and sample rate in Hz
 */
public record L16(int sampleRate) implements AudioCodec {

    /** {@code L16/8000}. */
    public static final L16 NARROWBAND = new L16(8000);
    /** {@code L16/16000}. */
    public static final L16 WIDEBAND = new L16(16000);
    /** {@code L16/48000}. */
    public static final L16 FULLBAND = new L16(48000);

    public L16 {
        if (sampleRate < 1000 || sampleRate > 192000) {
            throw new IllegalArgumentException("L16 sample rate " + sampleRate + " Hz is not in 1000..192000");
        }
    }

    @Override
    public String encodingName() {
        return "L16";
    }

    @Override
    public int clockRate() {
        return sampleRate;
    }

    @Override
    public int sdpChannels() {
        return 1;
    }

    @Override
    public int staticPayloadType() {
        return -1;
    }

    @Override
    public AudioEncoder newEncoder() {
        return new Encoder();
    }

    @Override
    public AudioDecoder newDecoder() {
        return new Decoder(sampleRate);
    }

    /** The rtpmap form, {@code L16/16000}. */
    @Override
    public String toString() {
        return "L16/" + sampleRate;
    }

    private static final class Encoder implements AudioEncoder {

        @Override
        public int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset) {
            FrameBounds.requirePcm(pcm, offset, samples, "L16");
            if (samples > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("L16: " + samples + " samples is not a frame");
            }
            FrameBounds.requireBytes(out, outOffset, 2 * samples, "L16");
            for (int i = 0; i < samples; i++) {
                short sample = pcm[offset + i];
                out[outOffset + 2 * i] = (byte) (sample >> 8);
                out[outOffset + 2 * i + 1] = (byte) sample;
            }
            return 2 * samples;
        }

        @Override
        public int timestampUnits(int samples) {
            return samples;
        }
    }

    private static final class Decoder implements AudioDecoder {

        private final FadeConcealment concealment;

        Decoder(int sampleRate) {
            this.concealment = new FadeConcealment(sampleRate);
        }

        @Override
        public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
            FrameBounds.requireBytes(payload, offset, length, "L16");
            int samples = length / 2;
            FrameBounds.requirePcm(pcm, pcmOffset, samples, "L16");
            for (int i = 0; i < samples; i++) {
                pcm[pcmOffset + i] = (short) ((payload[offset + 2 * i] << 8) | (payload[offset + 2 * i + 1] & 0xFF));
            }
            concealment.remember(pcm, pcmOffset, samples);
            return samples;
        }

        @Override
        public int maxSamples(int length) {
            return Math.max(0, length / 2);
        }

        @Override
        public int conceal(short[] pcm, int pcmOffset, int samples) {
            return concealment.conceal(pcm, pcmOffset, samples, "L16");
        }
    }
}
