package org.switchboard.e2e.harness.audio;

import java.time.Duration;
import java.util.Optional;

/**
 * Finds landmarks in what a phone heard, 20 ms frame by frame: where sound starts, where a tone (the voicemail beep)
 * lies, where a prompt ended. Tests use these positions instead of timers: "the caller heard the beep at 5.42 s of
 * the call's audio" is a fact of the recording, whatever the machine's load.
 *
 * <p>A frame is sound when its level is above {@link AudioAnalyser#SILENCE_DBFS}; it is a tone at {@code f} when, in
 * addition, a sine at {@code f} explains at least {@value #TONE_SHARE} of its energy (speech never stays that pure for
 * the several frames a tone run needs).
 */
public final class AudioScan {
    /** The least share of a frame's energy a sine must explain for the frame to be that tone. */
    public static final double TONE_SHARE = 0.7;
    private static final int FRAME_MS = 20;

    private AudioScan() {
    }

    /** A stretch of a recording, from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Span(Duration start, Duration end) {
        public Span {
            if (end.compareTo(start) < 0) {
                throw new IllegalArgumentException("a span ends after it starts: " + start + " > " + end);
            }
        }

        public Duration length() {
            return end.minus(start);
        }

        /** A line for messages: {@code 5420-5680 ms}. */
        public String describe() {
            return start.toMillis() + "-" + end.toMillis() + " ms";
        }
    }

    /**
     * The first run of frames of a tone at {@code hz}, at or after {@code from}, lasting at least {@code minLength}
     * (whole frames: a 250 ms beep not aligned on frames counts 11 or 12 of them). The run is complete: it ends at the
     * first frame that is no longer the tone, so a run still going at the end of {@code pcm} is not returned yet.
     */
    public static Optional<Span> firstTone(Pcm16 pcm, double hz, Duration minLength, Duration from) {
        int frame = frameLength(pcm);
        int runStart = -1;
        for (int f = sampleAt(pcm, from); f + frame <= pcm.length(); f += frame) {
            boolean tone = levelDbfs(pcm, f, frame) > AudioAnalyser.SILENCE_DBFS
                    && AudioAnalyser.toneShare(pcm, f, frame, hz) >= TONE_SHARE;
            if (tone && runStart < 0) {
                runStart = f;
            } else if (!tone && runStart >= 0) {
                if (millis(pcm, f - runStart).compareTo(minLength) >= 0) {
                    return Optional.of(new Span(millis(pcm, runStart), millis(pcm, f)));
                }
                runStart = -1;
            }
        }
        return Optional.empty();
    }

    /** Where the first frame of sound at or after {@code from} starts. */
    public static Optional<Duration> firstSound(Pcm16 pcm, Duration from) {
        int frame = frameLength(pcm);
        for (int f = sampleAt(pcm, from); f + frame <= pcm.length(); f += frame) {
            if (levelDbfs(pcm, f, frame) > AudioAnalyser.SILENCE_DBFS) {
                return Optional.of(millis(pcm, f));
            }
        }
        return Optional.empty();
    }

    /**
     * The end of the first sound heard at or after {@code from}, once {@code quiet} of silence has followed it: the
     * moment a prompt finished and the other side waits for keys. Pauses shorter than {@code quiet} inside the sound
     * (between words) do not end it.
     */
    public static Optional<Duration> soundThenQuiet(Pcm16 pcm, Duration from, Duration quiet) {
        int frame = frameLength(pcm);
        int lastSoundEnd = -1;
        for (int f = sampleAt(pcm, from); f + frame <= pcm.length(); f += frame) {
            if (levelDbfs(pcm, f, frame) > AudioAnalyser.SILENCE_DBFS) {
                lastSoundEnd = f + frame;
            } else if (lastSoundEnd >= 0 && millis(pcm, f + frame - lastSoundEnd).compareTo(quiet) >= 0) {
                return Optional.of(millis(pcm, lastSoundEnd));
            }
        }
        return Optional.empty();
    }

    /** How much of {@code span} is sound, counted in whole frames. */
    public static Duration soundWithin(Pcm16 pcm, Span span) {
        int frame = frameLength(pcm);
        int end = Math.min(pcm.length(), sampleAt(pcm, span.end()));
        int sound = 0;
        for (int f = sampleAt(pcm, span.start()); f + frame <= end; f += frame) {
            if (levelDbfs(pcm, f, frame) > AudioAnalyser.SILENCE_DBFS) {
                sound += frame;
            }
        }
        return millis(pcm, sound);
    }

    /** The RMS level of {@code length} samples from {@code from}, in dBFS (negative infinity for digital silence). */
    public static double levelDbfs(Pcm16 pcm, int from, int length) {
        double energy = 0;
        for (int i = from; i < from + length; i++) {
            energy += pcm.normalised(i) * pcm.normalised(i);
        }
        return 10 * Math.log10(energy / length);
    }

    private static int frameLength(Pcm16 pcm) {
        return pcm.sampleRate() * FRAME_MS / 1000;
    }

    private static int sampleAt(Pcm16 pcm, Duration at) {
        return (int) Math.max(0, Math.min(pcm.length(), at.toMillis() * pcm.sampleRate() / 1000));
    }

    private static Duration millis(Pcm16 pcm, int samples) {
        return Duration.ofMillis(samples * 1000L / pcm.sampleRate());
    }
}
