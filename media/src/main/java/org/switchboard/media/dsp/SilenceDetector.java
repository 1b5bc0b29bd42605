package org.switchboard.media.dsp;

/**
 * Tells when a caller has been quiet long enough: voicemail ends a message after some seconds of
 * silence, an IVR stops waiting for speech. A frame whose RMS level ({@link Level#rmsDbfs}) is
 * below the threshold counts as silence; the detector says {@link #silent()} once the silence has
 * lasted the hangover without a louder frame in between. Time is counted in samples, not read
 * from a clock, so results are the same however fast frames arrive.
 *
 * <p>A fixed threshold suits a quiet line; on a noisy one (a mobile in a car) background noise may
 * stay above it, which {@link VoiceActivityDetector}, following the noise floor, handles.
 * Asterisk's voicemail uses an amplitude threshold of 128 (about -45 dBFS) and 10 s of silence.
 */
public final class SilenceDetector {

    private final double thresholdDbfs;
    private final int hangoverMillis;
    private final int sampleRate;
    private final long hangoverSamples;
    private long silentSamples;
    private boolean lastFrameLoud;

    /**
     * A detector for audio at {@code sampleRate} Hz: frames below {@code thresholdDbfs} are silence,
     * and {@code hangoverMillis} of it in a row is "silent".
     */
    public SilenceDetector(double thresholdDbfs, int hangoverMillis, int sampleRate) {
        if (!(thresholdDbfs <= 0 && thresholdDbfs > Level.SILENCE_DBFS)) {
            throw new IllegalArgumentException("silence threshold " + thresholdDbfs + " dBFS: must be in ("
                    + Level.SILENCE_DBFS + ", 0]");
        }
        if (hangoverMillis < 0) {
            throw new IllegalArgumentException("silence hangover " + hangoverMillis + " ms: must not be negative");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz: must be positive");
        }
        this.thresholdDbfs = thresholdDbfs;
        this.hangoverMillis = hangoverMillis;
        this.sampleRate = sampleRate;
        this.hangoverSamples = (long) hangoverMillis * sampleRate / 1000;
    }

    /**
     * Takes the next frame and returns {@link #silent()}: whether the silence, this frame
     * included, has now lasted the hangover.
     */
    public boolean offer(short[] pcm, int offset, int length) {
        lastFrameLoud = Level.rmsDbfs(pcm, offset, length) >= thresholdDbfs;
        silentSamples = lastFrameLoud ? 0 : silentSamples + length;
        return silent();
    }

    /** Whether the silence has lasted at least the hangover. */
    public boolean silent() {
        return silentSamples >= hangoverSamples && !lastFrameLoud;
    }

    /** Whether the last frame was at or above the threshold (the plain energy flag). */
    public boolean lastFrameLoud() {
        return lastFrameLoud;
    }

    /** How long the current silence has lasted, in milliseconds (0 after a loud frame). */
    public long silenceMillis() {
        return silentSamples * 1000 / sampleRate;
    }

    public double thresholdDbfs() {
        return thresholdDbfs;
    }

    public int hangoverMillis() {
        return hangoverMillis;
    }

    /** Starts counting afresh, as after a loud frame. */
    public void reset() {
        silentSamples = 0;
        lastFrameLoud = false;
    }
}
