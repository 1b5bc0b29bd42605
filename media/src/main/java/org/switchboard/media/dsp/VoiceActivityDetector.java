package org.switchboard.media.dsp;

/**
 * An energy-based voice activity flag that follows the line's noise floor: a frame is voice when
 * its level ({@link Level#rmsDbfs}) is at least {@code margin} dB above the noise floor and above an
 * absolute minimum; the flag stays up for a hangover after the last voiced frame so the short gaps
 * between words do not cut a phrase in pieces.
 *
 * <p>The noise floor is a minimum tracker: it falls at once to a quieter frame and rises slowly
 * ({@value #FLOOR_RISE_DB_PER_SECOND} dB/s) otherwise, so steady background noise (a car, a fan)
 * is learnt within seconds while speech, which always has pauses, does not lift it. The floor starts
 * at the first frame's level (a call starts with the caller listening). Not a speech classifier:
 * music or a loud tone counts as voice. Time is counted in samples.
 */
public final class VoiceActivityDetector {

    /** How fast the floor climbs towards louder frames. */
    public static final double FLOOR_RISE_DB_PER_SECOND = 3;

    private final double marginDb;
    private final double minimumDbfs;
    private final long hangoverSamples;
    private final int sampleRate;
    private double floorDbfs = Double.NaN;
    private long sinceVoice = Long.MAX_VALUE / 2;
    private double lastLevel = Level.SILENCE_DBFS;

    /** Defaults for telephone speech: 10 dB over the floor, above -55 dBFS, 200 ms hangover. */
    public VoiceActivityDetector(int sampleRate) {
        this(10, -55, 200, sampleRate);
    }

    /**
     * A detector for audio at {@code sampleRate}: voice is {@code marginDb} above the noise floor
     * and above {@code minimumDbfs}, held for {@code hangoverMillis} after the last voiced frame.
     */
    public VoiceActivityDetector(double marginDb, double minimumDbfs, int hangoverMillis, int sampleRate) {
        if (!(marginDb > 0) || !(minimumDbfs < 0) || hangoverMillis < 0 || sampleRate <= 0) {
            throw new IllegalArgumentException("voice detector needs a positive margin (" + marginDb
                    + " dB), a negative minimum (" + minimumDbfs + " dBFS), a hangover of 0 ms or more ("
                    + hangoverMillis + ") and a positive rate (" + sampleRate + " Hz)");
        }
        this.marginDb = marginDb;
        this.minimumDbfs = minimumDbfs;
        this.hangoverSamples = (long) hangoverMillis * sampleRate / 1000;
        this.sampleRate = sampleRate;
    }

    /** Takes the next frame and returns whether there is voice now (this frame, or within the hangover). */
    public boolean offer(short[] pcm, int offset, int length) {
        double level = Level.rmsDbfs(pcm, offset, length);
        lastLevel = level;
        if (Double.isNaN(floorDbfs) || level < floorDbfs) {
            floorDbfs = level;
        } else {
            floorDbfs = Math.min(level, floorDbfs + FLOOR_RISE_DB_PER_SECOND * length / sampleRate);
        }
        boolean voiced = level >= minimumDbfs && level >= floorDbfs + marginDb;
        sinceVoice = voiced ? 0 : sinceVoice + length;
        return voice();
    }

    /** Whether there was voice in the last frame or within the hangover before it. */
    public boolean voice() {
        return sinceVoice == 0 || sinceVoice <= hangoverSamples;
    }

    /** The current estimate of the noise floor in dBFS ({@link Level#SILENCE_DBFS} before any frame). */
    public double noiseFloorDbfs() {
        return Double.isNaN(floorDbfs) ? Level.SILENCE_DBFS : floorDbfs;
    }

    /** The level of the last frame in dBFS. */
    public double lastLevelDbfs() {
        return lastLevel;
    }
}
