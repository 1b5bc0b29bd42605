package org.switchboard.media.codec;

/**
 * The quantizers and inverse quantizers of ITU-T G.722 (64 kbit/s, mode 1), named after the
 * Recommendation's computational blocks: the lower band's 6-bit adaptive quantizer (QUANTL) with
 * its 4-bit feedback (INVQAL) and 6-bit output (INVQBL), and the upper band's 2-bit quantizer
 * (QUANTH, INVQAH), with the log scale factor increments of LOGSCL and LOGSCH. Level tables are
 * stored as the Recommendation and its G.191 reference code print them; the signed lookup tables
 * are derived from them once.
 */
final class G722Quantizer {

    /** Lower band decision levels of QUANTL (indices 1..29 are the ones compared). */
    private static final int[] Q6 = {
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919,
    };
    /** QUANTL code for interval {@code mil} of a negative difference. */
    private static final int[] NEGATIVE_CODE = {
        0x00, 0x3F, 0x3E, 0x1F, 0x1E, 0x1D, 0x1C, 0x1B, 0x1A, 0x19, 0x18, 0x17, 0x16, 0x15, 0x14, 0x13,
        0x12, 0x11, 0x10, 0x0F, 0x0E, 0x0D, 0x0C, 0x0B, 0x0A, 0x09, 0x08, 0x07, 0x06, 0x05, 0x04,
    };
    /** QUANTL code for interval {@code mil} of a positive difference. */
    private static final int[] POSITIVE_CODE = {
        0x00, 0x3D, 0x3C, 0x3B, 0x3A, 0x39, 0x38, 0x37, 0x36, 0x35, 0x34, 0x33, 0x32, 0x31, 0x30, 0x2F,
        0x2E, 0x2D, 0x2C, 0x2B, 0x2A, 0x29, 0x28, 0x27, 0x26, 0x25, 0x24, 0x23, 0x22, 0x21, 0x20,
    };

    /** INVQAL: 4-bit output levels and the level of each 4-bit code (codes 1..7 are negative). */
    private static final int[] OQ4 = {0, 150, 323, 530, 786, 1121, 1612, 2557};
    private static final int[] RIL4 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
    /** INVQBL: 6-bit output levels and the level of each 6-bit code (codes below 32, 62 and 63 are negative). */
    private static final int[] OQ6 = {
        0, 17, 54, 91, 130, 170, 211, 254, 300, 347, 396, 447, 501, 558, 618, 682,
        750, 822, 899, 982, 1072, 1170, 1279, 1399, 1535, 1689, 1873, 2088, 2376, 2738, 3101,
    };
    private static final int[] RIL6 = {
        1, 1, 1, 1, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
        18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3,
        30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15,
        14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 2, 1,
    };
    /** LOGSCL: lower band log scale factor increments W(IL4). */
    private static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};

    /** INVQAH and LOGSCH: upper band output levels of the 2-bit code and log scale factor increments W(IH2). */
    private static final int[] OQ2 = {0, 202, 926};
    private static final int[] IH2 = {2, 1, 2, 1};
    private static final int[] WH = {0, -214, 798};

    /** Signed Q15 reconstruction levels, scaled by 8 as the reference keeps them: index = code. */
    static final int[] QM4 = new int[16];
    static final int[] QM6 = new int[64];
    static final int[] QM2 = new int[4];
    /** Log scale factor increment by 4-bit code (lower band) and by 2-bit code (upper band). */
    static final int[] WL4 = new int[16];
    static final int[] WH2 = new int[4];

    static {
        for (int code = 0; code < 16; code++) {
            int level = OQ4[RIL4[code]] << 3;
            QM4[code] = code >= 1 && code <= 7 ? -level : level;
            WL4[code] = WL[RIL4[code]];
        }
        for (int code = 0; code < 64; code++) {
            int level = OQ6[RIL6[code]] << 3;
            QM6[code] = code < 32 || code >= 62 ? -level : level;
        }
        for (int code = 0; code < 4; code++) {
            int level = OQ2[IH2[code]] << 3;
            QM2[code] = code < 2 ? -level : level;
            WH2[code] = WH[IH2[code]];
        }
    }

    /**
     * QUANTL's answer for every quotient: {@code LOW_CODES[(sign << 12) | q]} is the 6-bit code of
     * a difference of sign bit {@code sign} whose magnitude m gives {@code q = ⌈(m + 1) × 4096 / det⌉}
     * (capped at {@value #Q_CAP}).
     */
    private static final byte[] LOW_CODES = new byte[2 << 12];
    private static final int Q_CAP = 2920;

    static {
        int interval = 1;
        for (int q = 0; q <= Q_CAP; q++) {
            while (interval < 30 && Q6[interval] < q) {
                interval++;
            }
            LOW_CODES[q] = (byte) POSITIVE_CODE[interval];
            LOW_CODES[(1 << 12) | q] = (byte) NEGATIVE_CODE[interval];
        }
    }

    private G722Quantizer() { }

    /**
     * QUANTL: the 6-bit code of the lower band difference {@code el} under scale factor
     * {@code det}. The interval is the first i in 1..29 whose upper level {@code (Q6[i] × det) >> 12}
     * exceeds the magnitude m of el (one's complement for negatives, as the reference), else 30.
     * As levels are integers, m < ⌊Q6[i] × det / 4096⌋ exactly when Q6[i] ≥ ⌈(m + 1) × 4096 / det⌉,
     * so one division and one table read replace the reference's search of up to 29 products
     * (det is a multiple of 4, ILA × 4, hence the 1024 and det / 4). Checked for every el and det
     * by {@code G722QuantizerTest}.
     */
    static int quantizeLow(int el, int det) {
        int sign = el >> 31;
        int magnitude = el ^ sign;
        int ila = det >> 2;
        int q = (((magnitude + 1) << 10) + ila - 1) / ila;
        return LOW_CODES[((sign & 1) << 12) | Math.min(q, Q_CAP)];
    }

    /** QUANTH: the 2-bit code of the upper band difference {@code eh} under scale factor {@code det}. */
    static int quantizeHigh(int eh, int det) {
        int sign = eh >> 31;
        int inner = ((eh ^ sign) - ((564 * det) >> 12)) >>> 31; // magnitude below the one level
        return ((~sign & 1) << 1) | inner;
    }
}
