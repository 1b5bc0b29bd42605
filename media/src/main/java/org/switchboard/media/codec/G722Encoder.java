package org.switchboard.media.codec;

import static org.switchboard.media.codec.Q15.mult;
import static org.switchboard.media.codec.Q15.saturate;

/**
 * ITU-T G.722 SB-ADPCM encoder at 64 kbit/s (mode 1): the transmit QMF splits each pair of 16 kHz
 * samples into a lower and an upper sub-band sample at 8 kHz, coded with 6 and 2 bits into one
 * byte, upper band in the two high bits; RFC 3551 §4.5.2 puts the bytes in the payload in time
 * order. Takes frames of an even number of samples: one byte per pair. State carries over from
 * frame to frame, so one long buffer and many 20 ms frames give the same bytes.
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
            out[outOffset + i] = (byte) encodePair(pcm[offset + 2 * i], pcm[offset + 2 * i + 1]);
        }
        return bytes;
    }

    /** One codeword from two consecutive samples. */
    private int encodePair(int first, int second) {
        qmf.push(first, second);
        qmf.filter();
        int xl = limit((qmf.newerSum + qmf.olderSum) >> 14);
        int xh = limit((qmf.newerSum - qmf.olderSum) >> 14);

        int el = saturate(xl - low.estimate); // SUBTRA
        int il = G722Quantizer.quantizeLow(el, low.scale);
        int dlt = mult(low.scale, G722Quantizer.QM4[il >> 2]); // INVQAL
        low.adaptScale(G722Quantizer.WL4[il >> 2]);
        low.update(dlt);

        int eh = saturate(xh - high.estimate);
        int ih = G722Quantizer.quantizeHigh(eh, high.scale);
        int dh = mult(high.scale, G722Quantizer.QM2[ih]); // INVQAH
        high.adaptScale(G722Quantizer.WH2[ih]);
        high.update(dh);
        return (ih << 6) | il;
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
