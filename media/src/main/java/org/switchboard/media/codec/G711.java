package org.switchboard.media.codec;

/**
 * ITU-T G.711 as RTP carries it (RFC 3551 §4.5.14): {@code PCMU/8000} (µ-law, static payload
 * type 0) and {@code PCMA/8000} (A-law, static payload type 8). One byte per sample at 8 kHz, so
 * any number of samples is a frame and any payload length decodes; one timestamp unit per sample.
 * The codes follow ITU-T G.191 ({@link MuLaw}, {@link ALaw}). Loss is concealed by a fade of the
 * last frame ({@link FadeConcealment}).
 */
public enum G711 implements AudioCodec {

    /** µ-law, the North American and Japanese law. */
    PCMU(0),
    /** A-law, the European and international law. */
    PCMA(8);

    /** The only sample and clock rate of G.711. */
    public static final int RATE = 8000;

    private final int payloadType;

    G711(int payloadType) {
        this.payloadType = payloadType;
    }

    @Override
    public String encodingName() {
        return name();
    }

    @Override
    public int clockRate() {
        return RATE;
    }

    @Override
    public int sdpChannels() {
        return 1;
    }

    @Override
    public int staticPayloadType() {
        return payloadType;
    }

    @Override
    public int sampleRate() {
        return RATE;
    }

    @Override
    public AudioEncoder newEncoder() {
        return new Encoder(this);
    }

    @Override
    public AudioDecoder newDecoder() {
        return new Decoder(this);
    }

    /** The rtpmap form, {@code PCMU/8000}. */
    @Override
    public String toString() {
        return name() + "/" + RATE;
    }

    /** Stateless but per leg, as the contract says. */
    private static final class Encoder implements AudioEncoder {

        private final G711 law;

        Encoder(G711 law) {
            this.law = law;
        }

        @Override
        public int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset) {
            FrameBounds.requirePcm(pcm, offset, samples, law.name());
            FrameBounds.requireBytes(out, outOffset, samples, law.name());
            if (law == PCMU) {
                MuLaw.encode(pcm, offset, samples, out, outOffset);
            } else {
                ALaw.encode(pcm, offset, samples, out, outOffset);
            }
            return samples;
        }

        @Override
        public int timestampUnits(int samples) {
            return samples;
        }
    }

    /** Table lookup plus the memory of the last frame for concealment. */
    private static final class Decoder implements AudioDecoder {

        private final G711 law;
        private final FadeConcealment concealment = new FadeConcealment(RATE);

        Decoder(G711 law) {
            this.law = law;
        }

        @Override
        public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
            FrameBounds.requireBytes(payload, offset, length, law.name());
            FrameBounds.requirePcm(pcm, pcmOffset, length, law.name());
            if (law == PCMU) {
                MuLaw.decode(payload, offset, length, pcm, pcmOffset);
            } else {
                ALaw.decode(payload, offset, length, pcm, pcmOffset);
            }
            concealment.remember(pcm, pcmOffset, length);
            return length;
        }

        @Override
        public int maxSamples(int length) {
            return Math.max(0, length);
        }

        @Override
        public int conceal(short[] pcm, int pcmOffset, int samples) {
            return concealment.conceal(pcm, pcmOffset, samples, law.name());
        }
    }
}
