package org.switchboard.e2e.harness.audio;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A pure sine tone, the test signal a phone sends as its microphone: each phone of a call sends its own frequency so
 * that the recording of the other side proves which way the audio went (the call's media path, RFC 3550 RTP through
 * the relay, decoded back to PCM).
 *
 * <p>The first and last 10 ms fade in and out, so the file starts and ends without a click.
 *
 * @param frequencyHz the tone's frequency, below half the sample rate
 * @param sampleRate 8000 for narrow-band codecs (G.711), 16000 for wide-band (G.722)
 * @param length how long the tone lasts
 * @param amplitude the peak as a fraction of full scale, above 0 and at most 1 (0.5 is about -9 dBFS RMS)
 */
public record Tone(double frequencyHz, int sampleRate, Duration length, double amplitude) {
    private static final double FADE_SECONDS = 0.010;

    public Tone {
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (!(frequencyHz > 0 && frequencyHz < sampleRate / 2.0)) {
            throw new IllegalArgumentException(
                    "a " + frequencyHz + " Hz tone cannot be sampled at " + sampleRate + " Hz (Nyquist)");
        }
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("tone length must be between 0 and 1 hour: " + length);
        }
        if (!(amplitude > 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("amplitude must be in (0, 1]: " + amplitude);
        }
    }

    /** A tone at half of full scale. */
    public static Tone of(double frequencyHz, int sampleRate, Duration length) {
        return new Tone(frequencyHz, sampleRate, length, 0.5);
    }

    /** The tone's samples. */
    public Pcm16 render() {
        int count = (int) (length.toNanos() * sampleRate / 1_000_000_000L);
        int fade = (int) Math.min(count / 2, Math.round(FADE_SECONDS * sampleRate));
        short[] samples = new short[count];
        double step = 2 * Math.PI * frequencyHz / sampleRate;
        for (int i = 0; i < count; i++) {
            double gain = amplitude;
            if (i < fade) {
                gain *= (double) i / fade;
            } else if (i >= count - fade) {
                gain *= (double) (count - 1 - i) / fade;
            }
            samples[i] = (short) Math.round(Math.sin(step * i) * gain * 32767);
        }
        return new Pcm16(sampleRate, samples);
    }

    /** Writes the tone as a mono 16-bit PCM WAV file and returns the file. */
    public Path writeWav(Path file) {
        return WavFile.write(file, render());
    }
}
