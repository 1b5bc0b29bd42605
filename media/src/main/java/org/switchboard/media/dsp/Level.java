package org.switchboard.media.dsp;

/**
 * Signal level in dBFS as AES17 defines it: the RMS relative to that of a full-scale sine, so a
 * sine of peak 32767 reads 0 dBFS, the same scale as {@link ToneGenerator}'s levels and
 * {@link Goertzel}'s decibels (a full-scale square wave reads +3.01).
 */
public final class Level {

    /** What digital silence (all zeros, or no samples) reads, instead of minus infinity. */
    public static final double SILENCE_DBFS = -120;

    /** Mean square of a full-scale sine: 32767^2 / 2. */
    private static final double FULL_SCALE_SINE_POWER = 32767.0 * 32767.0 / 2;

    private Level() { }

    /** The RMS level of {@code pcm[offset, offset + length)} in dBFS, at least {@link #SILENCE_DBFS}. */
    public static double rmsDbfs(short[] pcm, int offset, int length) {
        if (length <= 0) {
            return SILENCE_DBFS;
        }
        long sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += pcm[i] * pcm[i];
        }
        if (sum == 0) {
            return SILENCE_DBFS;
        }
        return Math.max(SILENCE_DBFS, 10 * Math.log10(sum / (length * FULL_SCALE_SINE_POWER)));
    }

    /** The peak amplitude of a sine at {@code dbfs}: 32767 at 0 dBFS. */
    public static double sinePeak(double dbfs) {
        return Short.MAX_VALUE * Math.pow(10, dbfs / 20);
    }
}
