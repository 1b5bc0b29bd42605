package org.switchboard.media.codec;

import static org.switchboard.media.codec.Q15.saturate;

/**
 * ITU-T G.722 SB-ADPCM decoder at 64 kbit/s (mode 1): each byte gives a lower band sample
 * (6-bit inverse quantizer) and an upper band sample (2-bit), which the receive QMF turns into two
 * 16 kHz samples. Every byte value is a valid codeword, so any payload decodes. Loss is concealed
 * by a fade of the last frame; the ADPCM state is left as it was and re-converges on the next
 * packets (G.722 has no loss concealment of its own; Appendix III/IV are separate algorithms).
 *
 * <p>A sub-band signal is limited to 15 bits straight away: the reference's 16-bit saturation
 * before LIMIT cannot change the result. Products of a scale factor (at most 16,384) and a level
 * never reach G.191 {@code mult}'s overflow and are written as plain products.
 */
final class G722Decoder implements AudioDecoder {

    private final G722Qmf qmf = new G722Qmf();
    private final G722Band low = G722Band.lower();
    private final G722Band high = G722Band.upper();
    private final FadeConcealment concealment = new FadeConcealment(G722.SAMPLE_RATE);

    @Override
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        FrameBounds.requireBytes(payload, offset, length, "G722");
        FrameBounds.requirePcm(pcm, pcmOffset, maxSamples(length), "G722");
        for (int i = 0; i < length; i++) {
            int code = payload[offset + i] & 0xFF;
            int ilr = code & 0x3F;
            int ih = code >> 6;

            int yl = G722Encoder.limit(low.estimate + ((low.scale * G722Quantizer.QM6[ilr]) >> 15)); // INVQBL, RECONS
            int dlt = (low.scale * G722Quantizer.QM4[ilr >> 2]) >> 15; // INVQAL
            low.adaptScale(G722Quantizer.WL4[ilr >> 2]);
            low.update(dlt);

            int dh = (high.scale * G722Quantizer.QM2[ih]) >> 15; // INVQAH
            int yh = G722Encoder.limit(high.estimate + dh);
            high.adaptScale(G722Quantizer.WH2[ih]);
            high.update(dh);

            qmf.push(yl + yh, yl - yh); // 15-bit operands: no saturation
            qmf.filter();
            int at = pcmOffset + 2 * i;
            pcm[at] = (short) saturate(qmf.newerSum >> 11);
            pcm[at + 1] = (short) saturate(qmf.olderSum >> 11);
        }
        concealment.remember(pcm, pcmOffset, 2 * length);
        return 2 * length;
    }

    @Override
    public int maxSamples(int length) {
        return length <= 0 ? 0 : 2 * Math.min(length, Integer.MAX_VALUE / 2);
    }

    @Override
    public int conceal(short[] pcm, int pcmOffset, int samples) {
        return concealment.conceal(pcm, pcmOffset, samples, "G722");
    }
}
