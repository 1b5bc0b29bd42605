package org.switchboard.e2e.harness.audio;

import java.time.Duration;

/**
 * What {@link AudioAnalyser} found in a recording's steady part.
 *
 * @param dominantHz the frequency holding the most energy, 0 when the recording is silent
 * @param rmsDbfs the RMS level in dB relative to full scale (a full-scale sine is -3 dBFS), negative infinity when
 *                every sample is 0
 * @param toneShare the fraction (0 to 1) of the steady part's energy that a sine at {@code dominantHz} explains: near
 *                  1 for a clean tone, near 0 for noise or speech
 * @param steadyStart where the steady part begins in the recording
 * @param steadyLength how long the steady part lasts, zero when the recording is silent
 */
public record AudioMeasurement(double dominantHz, double rmsDbfs, double toneShare, Duration steadyStart,
        Duration steadyLength) {

    /** How far from the sent frequency a heard tone may be: G.711 and resampling keep it within a hertz or two. */
    public static final double TONE_TOLERANCE_HZ = 5;
    /** The least level of a tone that was heard, far above idle noise; the test tones are sent at -9 dBFS. */
    public static final double AUDIBLE_DBFS = -30;
    /** The least steady length of a heard tone: a call's audio, not a burst. */
    public static final Duration AUDIBLE_FOR = Duration.ofSeconds(2);

    /**
     * Whether this is a tone at {@code frequencyHz} that was heard: dominant within {@value #TONE_TOLERANCE_HZ} Hz,
     * above {@value #AUDIBLE_DBFS} dBFS, steady for more than {@link #AUDIBLE_FOR}.
     */
    public boolean isAudibleToneAt(double frequencyHz) {
        return !isSilent() && Math.abs(dominantHz - frequencyHz) <= TONE_TOLERANCE_HZ && rmsDbfs > AUDIBLE_DBFS
                && steadyLength.compareTo(AUDIBLE_FOR) > 0;
    }

    /** Whether no part of the recording rose above the silence threshold. */
    public boolean isSilent() {
        return steadyLength.isZero();
    }

    /** A line for assertion messages. */
    public String describe() {
        return isSilent() ? "silent" : "%.1f Hz at %.1f dBFS (tone share %.2f) over %d ms from %d ms".formatted(
                dominantHz, rmsDbfs, toneShare, steadyLength.toMillis(), steadyStart.toMillis());
    }
}
