package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The quantizers against the G.191 reference's search, for every difference and every scale factor. */
class G722QuantizerTest {

    private static final int[] Q6 = {
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919,
    };
    private static final int[] MISIL_NEGATIVE = {
        0x3F, 0x3E, 0x1F, 0x1E, 0x1D, 0x1C, 0x1B, 0x1A, 0x19, 0x18, 0x17, 0x16, 0x15, 0x14, 0x13,
        0x12, 0x11, 0x10, 0x0F, 0x0E, 0x0D, 0x0C, 0x0B, 0x0A, 0x09, 0x08, 0x07, 0x06, 0x05, 0x04,
    };
    private static final int[] MISIL_POSITIVE = {
        0x3D, 0x3C, 0x3B, 0x3A, 0x39, 0x38, 0x37, 0x36, 0x35, 0x34, 0x33, 0x32, 0x31, 0x30, 0x2F,
        0x2E, 0x2D, 0x2C, 0x2B, 0x2A, 0x29, 0x28, 0x27, 0x26, 0x25, 0x24, 0x23, 0x22, 0x21, 0x20,
    };

    /** QUANTL as G.191 writes it: a linear search of the first decision level above |el|. */
    private static int referenceLow(int el, int det) {
        int wd = el >= 0 ? el : ~el; // one's complement magnitude, as the reference (sub(0, el) - 1)
        int mil = 1;
        while (mil < 30 && wd >= (Q6[mil] * det) >> 12) {
            mil++;
        }
        return el < 0 ? MISIL_NEGATIVE[mil - 1] : MISIL_POSITIVE[mil - 1];
    }

    /** QUANTH as G.191 writes it. */
    private static int referenceHigh(int eh, int det) {
        int wd = eh >= 0 ? eh : ~eh;
        boolean outer = wd >= (564 * det) >> 12;
        return eh < 0 ? (outer ? 0 : 1) : (outer ? 2 : 3);
    }

    @Test
    void everyDifferenceUnderEveryScaleCodesAsTheReference() {
        int checked = 0;
        for (int det : G722Band.possibleScales()) {
            for (int e = Short.MIN_VALUE; e <= Short.MAX_VALUE; e++) {
                int low = G722Quantizer.quantizeLow(e, det);
                int high = G722Quantizer.quantizeHigh(e, det);
                if (low != referenceLow(e, det) || high != referenceHigh(e, det)) {
                    assertThat(new int[] {low, high}).as("difference %d, scale %d", e, det)
                            .containsExactly(referenceLow(e, det), referenceHigh(e, det));
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(353 * 65536);
    }

    @Test
    void theScalesAreThoseOfTheAntilogTable() {
        int[] scales = G722Band.possibleScales();
        assertThat(scales).hasSize(353).startsWith(8, 8, 8).endsWith(16032, 16384);
        assertThat(scales[64]).as("DETL at reset").isEqualTo(32);
        for (int k = 1; k < scales.length; k++) {
            assertThat(scales[k]).isGreaterThanOrEqualTo(scales[k - 1]);
        }
    }
}
