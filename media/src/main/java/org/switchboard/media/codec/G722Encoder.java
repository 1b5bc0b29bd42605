package org.switchboard.media.codec;

import static org.switchboard.media.codec.Q15.saturate;

/**
 * ITU-T G.722 SB-ADPCM encoder at 64 kbit/s (mode 1): the transmit QMF splits each pair of 16 kHz
 * samples into a lower and an upper sub-band sample at 8 kHz, coded with 6 and 2 bits into one
 * byte, upper band in the two high bits; RFC 3551 §4.5.2 puts the bytes in the payload in time
 * order. Takes frames of an even number of samples: one byte per pair. State carries over from
 * frame to frame, so one long buffer and many 20 ms frames give the same bytes.
 *
 * <p>G.191's {@code mult} of a scale factor (at most 16,384) by a quantizer level cannot overflow
 * and is written as the plain product.
 */
final class G722Encoder implements AudioEncoder {

    private final G722Qmf qmf = new G722Qmf();
    private final G722Band low = G722Band.lower();
    private final G722Band high = G722Band.upper();

    @Override
    public int encode(short[] pcm, int offset, int samples, byte[] out, int outOffset) {
        if ((samples & 1) != 0) {
            throw new IllegalArgumentException("G722: " + samples + " samples is not a frame: it takes pairs of samples");
        }
        FrameBounds.requirePcm(pcm, offset, samples, "G722");
        int bytes = samples / 2;
        FrameBounds.requireBytes(out, outOffset, bytes, "G722");
        for (int i = 0; i < bytes; i++) {
            // one codeword per pair; the bands depend on each other only through the QMF, so
            // their predictor updates overlap in the processor (the loop body is one method so
            // that the JIT compiles it as one piece)
            qmf.push(pcm[offset + 2 * i], pcm[offset + 2 * i + 1]);
            qmf.filter();
            int xl = limit((qmf.newerSum + qmf.olderSum) >> 14);
            int xh = limit((qmf.newerSum - qmf.olderSum) >> 14);

            int el = saturate(xl - low.estimate); // SUBTRA
            int il = G722Quantizer.quantizeLow(el, low.scale);
            int dlt = (low.scale * G722Quantizer.QM4[il >> 2]) >> 15; // INVQAL
            low.adaptScale(G722Quantizer.WL4[il >> 2]);
            low.update(dlt);

            int eh = saturate(xh - high.estimate);
            int ih = G722Quantizer.quantizeHigh(eh, high.scale);
            int dh = (high.scale * G722Quantizer.QM2[ih]) >> 15; // INVQAH
            high.adaptScale(G722Quantizer.WH2[ih]);
            high.update(dh);
            out[outOffset + i] = (byte) ((ih << 6) | il);
        }
        return bytes;
    }

    /** LIMIT: the 15-bit range of sub-band signals. */
    static int limit(int value) {
        return Math.clamp(value, -16384, 16383);
    }

    @Override
    public int timestampUnits(int samples) {
        return samples / 2;
    }
}
