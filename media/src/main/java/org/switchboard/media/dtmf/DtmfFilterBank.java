package org.switchboard.media.dtmf;

/**
 * The eight Goertzel filters of the ITU-T Q.23 frequencies (four rows, four columns) run as one
 * pass over a block: each sample updates eight independent filter states. Eight separate passes
 * (one {@link org.switchboard.media.dsp.Goertzel} per frequency) each wait on their own
 * multiply-add chain at every sample; interleaved, the chains overlap in the processor: the
 * detector measured about four times faster per 20 ms frame (JMH, 4.5 µs down to 1.2 µs).
 *
 * <p>Each filter does exactly the arithmetic of {@code Goertzel.power}, in the same order, so the
 * powers are the same doubles bit for bit ({@code DtmfFilterBankTest}).
 */
final class DtmfFilterBank {

    private final double c0;
    private final double c1;
    private final double c2;
    private final double c3;
    private final double c4;
    private final double c5;
    private final double c6;
    private final double c7;

    /** A bank for the four row and four column frequencies at {@code sampleRate} Hz. */
    DtmfFilterBank(int sampleRate) {
        c0 = coefficient(DtmfDigit.ROWS_HZ[0], sampleRate);
        c1 = coefficient(DtmfDigit.ROWS_HZ[1], sampleRate);
        c2 = coefficient(DtmfDigit.ROWS_HZ[2], sampleRate);
        c3 = coefficient(DtmfDigit.ROWS_HZ[3], sampleRate);
        c4 = coefficient(DtmfDigit.COLUMNS_HZ[0], sampleRate);
        c5 = coefficient(DtmfDigit.COLUMNS_HZ[1], sampleRate);
        c6 = coefficient(DtmfDigit.COLUMNS_HZ[2], sampleRate);
        c7 = coefficient(DtmfDigit.COLUMNS_HZ[3], sampleRate);
    }

    private static double coefficient(double frequency, int sampleRate) {
        return 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
    }

    /**
     * Writes the normalised power (a full-scale sine of the bin's frequency is about 1.0) of each
     * row frequency in {@code pcm[offset, offset + length)} to {@code rowPower[0..3]} and of each
     * column frequency to {@code columnPower[0..3]}.
     */
    void powers(short[] pcm, int offset, int length, double[] rowPower, double[] columnPower) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0; // s1 of each filter
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0; // s2 of each filter
        for (int i = offset; i < offset + length; i++) {
            double x = pcm[i];
            double n0 = x + c0 * a0 - b0;
            double n1 = x + c1 * a1 - b1;
            double n2 = x + c2 * a2 - b2;
            double n3 = x + c3 * a3 - b3;
            double n4 = x + c4 * a4 - b4;
            double n5 = x + c5 * a5 - b5;
            double n6 = x + c6 * a6 - b6;
            double n7 = x + c7 * a7 - b7;
            b0 = a0;
            b1 = a1;
            b2 = a2;
            b3 = a3;
            b4 = a4;
            b5 = a5;
            b6 = a6;
            b7 = a7;
            a0 = n0;
            a1 = n1;
            a2 = n2;
            a3 = n3;
            a4 = n4;
            a5 = n5;
            a6 = n6;
            a7 = n7;
        }
        double fullScale = 32767.0 * length / 2;
        double norm = fullScale * fullScale;
        rowPower[0] = power(c0, a0, b0) / norm;
        rowPower[1] = power(c1, a1, b1) / norm;
        rowPower[2] = power(c2, a2, b2) / norm;
        rowPower[3] = power(c3, a3, b3) / norm;
        columnPower[0] = power(c4, a4, b4) / norm;
        columnPower[1] = power(c5, a5, b5) / norm;
        columnPower[2] = power(c6, a6, b6) / norm;
        columnPower[3] = power(c7, a7, b7) / norm;
    }

    private static double power(double coefficient, double s1, double s2) {
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }
}
