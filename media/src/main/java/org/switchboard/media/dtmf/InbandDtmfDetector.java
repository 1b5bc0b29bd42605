package org.switchboard.media.dtmf;

import java.util.Objects;

/**
 * Finds DTMF key presses in 8 kHz 16-bit PCM: what phones that send tones in G.711 audio instead
 * of RFC 4733 events give us. Streaming: feed frames of any size with {@link #process}; one
 * detector per leg, no allocation per frame (one {@link DtmfEvent} per press).
 *
 * <p>The audio is cut into blocks of {@value #BLOCK_SAMPLES} samples (12.75 ms; the row
 * frequencies then fall near each other's nulls). Each block goes through eight Goertzel
 * filters, one per Q.23 frequency, run as one pass ({@link DtmfFilterBank}), and is a
 * <em>hit</em> for a digit when all of these hold
 * (the rules of ITU-T Q.24 receivers):
 * <ol>
 *   <li>level: the strongest row tone and the strongest column tone are each at least
 *       {@value #MIN_TONE_DBFS} dBFS (a full-scale sine is 0 dBFS), that is about -32 dBm0 on a
 *       G.711 line;</li>
 *   <li>twist: the row tone is at most {@value #MAX_ROW_OVER_COLUMN_DB} dB above the column tone,
 *       and the column tone at most {@value #MAX_COLUMN_OVER_ROW_DB} dB above the row tone (Q.24's
 *       8 and 4 dB, with 2.5 dB for the measurement's spread);</li>
 *   <li>each of the two is at least {@value #MIN_PEAK_OVER_GROUP_DB} dB above the other three
 *       tones of its group;</li>
 *   <li>the two tones hold at least {@value #MIN_TONE_SHARE} of the block's total energy. This
 *       rejects speech and music, whose voiced harmonics spread energy over many frequencies
 *       (it stands in for a second-harmonic check, at no extra filter cost), and tones off
 *       frequency: a tone 3.5 % off loses enough of its energy to its filter's skirt to fail it,
 *       one 1.5 % off does not.</li>
 * </ol>
 * A press starts after {@value #HITS_TO_START} consecutive <em>steady</em> hits for the same
 * digit, steady meaning the tone fills the block (its two halves' energies within
 * {@value #MAX_HALF_BLOCK_SPREAD_DB} dB): a tone of 40 ms always fills two consecutive blocks, a
 * burst of 20 ms never does (Q.24: operate at 40 ms, not at 20 ms). It ends after
 * {@value #MISSES_TO_END} consecutive blocks without the digit: a 40 ms pause always gives three
 * such blocks, a 10 ms dropout at most two, so a press broken that briefly stays one press. The
 * reported duration is the blocks from the first hit to the last plus half a block for the
 * partial blocks at the edges: within about one block (13 ms) of the truth.
 *
 * <p>Audio at 16 kHz or more must be resampled to 8 kHz first.
 */
public final class InbandDtmfDetector {

    /** The sample rate this detector works at. */
    public static final int SAMPLE_RATE = 8000;
    /** Samples per analysis block (12.75 ms). */
    public static final int BLOCK_SAMPLES = 102;
    /** Minimum level of each tone, dBFS (about -32 dBm0 on G.711, whose full-scale sine is +3.14 dBm0). */
    public static final double MIN_TONE_DBFS = -35;
    /**
     * Largest measured excess of the row (low group) tone over the column tone, dB: Q.24's 8 dB
     * "normal" twist plus 2.5 dB for the spread of a 12.75 ms measurement (the strong tone's skirt
     * reaches the weak tone's filter).
     */
    public static final double MAX_ROW_OVER_COLUMN_DB = 10.5;
    /** Largest measured excess of the column (high group) tone over the row tone, dB: 4 dB "reverse" twist plus 2.5 dB. */
    public static final double MAX_COLUMN_OVER_ROW_DB = 6.5;
    /** Least margin of each tone over the other tones of its group, dB. */
    public static final double MIN_PEAK_OVER_GROUP_DB = 6;
    /** Least share of the block's energy in the two tones. */
    public static final double MIN_TONE_SHARE = 0.70;
    /** Largest energy difference between the two halves of a steady block, dB. */
    public static final double MAX_HALF_BLOCK_SPREAD_DB = 2;
    /** Consecutive steady hits before a press starts. */
    public static final int HITS_TO_START = 2;
    /** Consecutive blocks without the digit before its press ends. */
    public static final int MISSES_TO_END = 3;

    private static final double MIN_TONE_POWER = Math.pow(10, MIN_TONE_DBFS / 10);
    private static final double ROW_OVER_COLUMN = Math.pow(10, MAX_ROW_OVER_COLUMN_DB / 10);
    private static final double COLUMN_OVER_ROW = Math.pow(10, MAX_COLUMN_OVER_ROW_DB / 10);
    private static final double PEAK_OVER_GROUP = Math.pow(10, MIN_PEAK_OVER_GROUP_DB / 10);
    /** Scales a block's sum of squares to the unit of {@code Goertzel.power}: a full-scale sine is 1. */
    private static final double ENERGY_SCALE = 2.0 / (BLOCK_SAMPLES * 32767.0 * 32767.0);
    private static final int HALF = BLOCK_SAMPLES / 2;
    private static final double STEADY_RATIO = Math.pow(10, -MAX_HALF_BLOCK_SPREAD_DB / 10);
    private static final int BLOCK_MILLIS_X4 = BLOCK_SAMPLES * 4000 / SAMPLE_RATE;

    private final DtmfFilterBank filters = new DtmfFilterBank(SAMPLE_RATE);
    private final double[] rowPower = new double[4];
    private final double[] columnPower = new double[4];
    private final short[] block = new short[BLOCK_SAMPLES];
    private int fill;
    private long firstHalfSquares;
    private long secondHalfSquares;

    /** Digit of the previous block's hit, null when it had none. */
    private DtmfDigit previousHit;
    /** Consecutive hits for {@link #previousHit}, and how many of the latest were steady. */
    private int hitRun;
    private int steadyRun;
    /** The press under way, null when none. */
    private DtmfDigit pressed;
    /** Blocks from the press's first hit to its last hit, both included. */
    private int pressBlocks;
    private int misses;

    /**
     * Takes {@code length} samples of 8 kHz PCM from {@code offset}; reports presses that start
     * or end in them to {@code listener}. Frames may have any size.
     */
    public void process(short[] pcm, int offset, int length, DtmfListener listener) {
        Objects.checkFromIndexSize(offset, length, pcm.length);
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int n = Math.min(end - i, BLOCK_SAMPLES - fill);
            System.arraycopy(pcm, i, block, fill, n);
            int split = Math.clamp(HALF - fill, 0, n);
            firstHalfSquares += squares(pcm, i, split);
            secondHalfSquares += squares(pcm, i + split, n - split);
            fill += n;
            i += n;
            if (fill == BLOCK_SAMPLES) {
                decide(analyse(), listener);
                fill = 0;
                firstHalfSquares = 0;
                secondHalfSquares = 0;
            }
        }
    }

    /** Forgets partial blocks and any press under way, unreported (the stream restarted). */
    public void reset() {
        fill = 0;
        firstHalfSquares = 0;
        secondHalfSquares = 0;
        previousHit = null;
        hitRun = 0;
        steadyRun = 0;
        pressed = null;
        misses = 0;
    }

    private static long squares(short[] pcm, int from, int count) {
        long sum = 0;
        for (int k = from; k < from + count; k++) {
            sum += pcm[k] * pcm[k];
        }
        return sum;
    }

    /** The digit this block shows, or null. */
    private DtmfDigit analyse() {
        filters.powers(block, 0, BLOCK_SAMPLES, rowPower, columnPower);
        int row = strongest(rowPower);
        int column = strongest(columnPower);
        double r = rowPower[row];
        double c = columnPower[column];
        if (r < MIN_TONE_POWER || c < MIN_TONE_POWER) {
            return null;
        }
        if (r > c * ROW_OVER_COLUMN || c > r * COLUMN_OVER_ROW) {
            return null;
        }
        if (!standsOut(rowPower, row) || !standsOut(columnPower, column)) {
            return null;
        }
        if (r + c < MIN_TONE_SHARE * (firstHalfSquares + secondHalfSquares) * ENERGY_SCALE) {
            return null;
        }
        return DtmfDigit.at(row, column);
    }

    /** Whether the block's two halves carry about the same energy: the tone fills the whole block. */
    private boolean steady() {
        long low = Math.min(firstHalfSquares, secondHalfSquares);
        long high = Math.max(firstHalfSquares, secondHalfSquares);
        return low >= STEADY_RATIO * high;
    }

    private static int strongest(double[] power) {
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (power[i] > power[best]) {
                best = i;
            }
        }
        return best;
    }

    private static boolean standsOut(double[] power, int peak) {
        for (int i = 0; i < 4; i++) {
            if (i != peak && power[peak] < power[i] * PEAK_OVER_GROUP) {
                return false;
            }
        }
        return true;
    }

    private void decide(DtmfDigit hit, DtmfListener listener) {
        boolean run = hit != null && hit == previousHit;
        hitRun = run ? hitRun + 1 : 1;
        steadyRun = hit != null && steady() ? (run ? steadyRun + 1 : 1) : 0;
        previousHit = hit;
        if (pressed != null) {
            if (hit == pressed) {
                pressBlocks += misses + 1;
                misses = 0;
                return;
            }
            if (++misses < MISSES_TO_END) {
                return;
            }
            int millis = ((2 * pressBlocks + 1) * BLOCK_MILLIS_X4 + 4) / 8;
            DtmfDigit ended = pressed;
            pressed = null;
            listener.onDigit(new DtmfEvent(ended, millis, DtmfSource.INBAND));
        }
        if (hit != null && steadyRun >= HITS_TO_START) {
            pressed = hit;
            pressBlocks = hitRun;
            misses = 0;
            listener.onDigitStart(hit, DtmfSource.INBAND);
        }
    }
}
