package org.switchboard.media.dsp;

/**
 * One element of a tone list: up to two frequencies played for a time, as Asterisk's
 * {@code indications.conf} writes it ({@code [!]f1[+f2|*f2][/ms]}).
 *
 * @param frequency1 Hz, 0 for silence
 * @param frequency2 Hz of the second tone, 0 when there is none
 * @param modulated {@code true} for {@code f1*f2}: f1 amplitude-modulated by f2 at 90% depth;
 *                  {@code false} for {@code f1+f2}: the two tones added
 * @param durationMillis how long the element plays; 0 for ever
 * @param once {@code true} for an element marked {@code !}: played the first time through only
 */
public record ToneSegment(int frequency1, int frequency2, boolean modulated, int durationMillis, boolean once) {

    /** Highest frequency accepted in a tone list; a generator also needs it below its Nyquist frequency. */
    public static final int MAX_FREQUENCY = 20_000;
    /** Longest element accepted: one hour (0 means for ever). */
    public static final int MAX_DURATION_MILLIS = 3_600_000;

    public ToneSegment {
        if (frequency1 < 0 || frequency1 > MAX_FREQUENCY || frequency2 < 0 || frequency2 > MAX_FREQUENCY) {
            throw new IllegalArgumentException(
                    "frequencies " + frequency1 + " and " + frequency2 + " Hz: each must be in 0.." + MAX_FREQUENCY);
        }
        if (durationMillis < 0 || durationMillis > MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException(
                    "duration " + durationMillis + " ms: must be in 0.." + MAX_DURATION_MILLIS + " (0 for ever)");
        }
        if (modulated && (frequency1 == 0 || frequency2 == 0)) {
            throw new IllegalArgumentException("a modulated tone needs two non-zero frequencies");
        }
    }

    /** Whether this element is silence. */
    public boolean silent() {
        return frequency1 == 0 && frequency2 == 0;
    }

    /** The element in indications.conf syntax. */
    public String text() {
        StringBuilder text = new StringBuilder();
        if (once) {
            text.append('!');
        }
        text.append(frequency1);
        if (frequency2 != 0) {
            text.append(modulated ? '*' : '+').append(frequency2);
        }
        if (durationMillis != 0) {
            text.append('/').append(durationMillis);
        }
        return text.toString();
    }
}
