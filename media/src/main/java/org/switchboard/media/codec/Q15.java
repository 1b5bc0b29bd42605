package org.switchboard.media.codec;

/**
 * The 16-bit saturation of the ITU-T G.191 basic operators {@code add}/{@code sub} that G.722's
 * reference is written in. Bit exactness with the ITU reference depends on saturating exactly
 * where it does, unless the operands' ranges prove the saturation idle ({@code G722Band} says
 * where). G.191's {@code mult} is {@code (a * b) >> 15} but for -32768 × -32768, which no G.722
 * operand pair reaches, so the codec writes it as the plain product.
 */
final class Q15 {

    private Q15() { }

    /** Saturates to the 16-bit range: the result of G.191 {@code add}/{@code sub}. */
    static int saturate(int value) {
        return value > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(value, Short.MIN_VALUE);
    }
}
