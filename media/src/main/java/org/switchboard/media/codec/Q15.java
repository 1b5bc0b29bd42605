package org.switchboard.media.codec;

/**
 * The two 16-bit fixed-point operators of the ITU-T G.191 basic operator set that G.722's
 * reference is written in ({@code add}/{@code sub} with saturation, and {@code mult}). Bit
 * exactness with the ITU reference depends on using them exactly where it does.
 */
final class Q15 {

    private Q15() { }

    /** Saturates to the 16-bit range: the result of G.191 {@code add}/{@code sub}. */
    static int saturate(int value) {
        return value > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(value, Short.MIN_VALUE);
    }

    /** G.191 {@code mult}: the Q15 product {@code (a * b) >> 15}, saturated (only -1 × -1 overflows). */
    static int mult(int a, int b) {
        int product = (a * b) >> 15;
        return product == 0x8000 ? Short.MAX_VALUE : product;
    }
}
