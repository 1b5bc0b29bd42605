package org.switchboard.media.channel;

import java.util.List;
import java.util.Objects;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.media.dsp.ToneSegment;
import org.switchboard.media.dtmf.DtmfDigit;

/**
 * A {@link ToneList} played as a source ({@link ToneGenerator}): ringback, busy, the voicemail
 * beep, a pause between prompts, or a DTMF key sent in the audio. A list that repeats never
 * ends; a finite one ends after its last element.
 */
public final class ToneSource implements AudioSource {

    /** Level of each of the two tones of a DTMF key sent in the audio, dBFS (about -7 dBm0 in G.711, Q.23). */
    public static final double DTMF_LEVEL_DBFS = -10;

    private final ToneGenerator generator;

    /** {@code tones} at {@code sampleRate} Hz, each frequency at {@link ToneGenerator#DEFAULT_LEVEL_DBFS}. */
    public ToneSource(ToneList tones, int sampleRate) {
        this(new ToneGenerator(Objects.requireNonNull(tones, "tones"), sampleRate));
    }

    /** {@code tones} at {@code sampleRate} Hz, each frequency's peak at {@code levelDbfs}. */
    public ToneSource(ToneList tones, int sampleRate, double levelDbfs) {
        this(new ToneGenerator(Objects.requireNonNull(tones, "tones"), sampleRate, levelDbfs));
    }

    private ToneSource(ToneGenerator generator) {
        this.generator = generator;
    }

    /** {@code millis} of silence, for a pause between prompts. */
    public static ToneSource silence(int millis, int sampleRate) {
        return new ToneSource(new ToneList(List.of(new ToneSegment(0, 0, false, millis, true)), -1), sampleRate);
    }

    /**
     * A key's two tones (ITU-T Q.23) for {@code millis}, then {@code pauseMillis} of silence so
     * that a receiver tells two presses of one key apart (Q.24 asks for 40 ms at least).
     */
    public static ToneSource dtmf(DtmfDigit digit, int millis, int pauseMillis, int sampleRate) {
        Objects.requireNonNull(digit, "digit");
        ToneList list = new ToneList(List.of(new ToneSegment(digit.rowHz(), digit.columnHz(), false, millis, true),
                new ToneSegment(0, 0, false, pauseMillis, true)), -1);
        return new ToneSource(new ToneGenerator(list, sampleRate, DTMF_LEVEL_DBFS));
    }

    public ToneList tones() {
        return generator.tones();
    }

    @Override
    public int sampleRate() {
        return generator.sampleRate();
    }

    @Override
    public int read(short[] out, int off, int samples) {
        return generator.fill(out, off, samples);
    }

    @Override
    public String toString() {
        return "ToneSource[" + generator.tones() + " at " + generator.sampleRate() + " Hz]";
    }
}
