package org.switchboard.e2e.harness.audio;

import java.time.Duration;
import java.util.Arrays;

/**
 * Mono 16-bit linear PCM audio: what a tone file holds and what a phone recorded, as one immutable value.
 *
 * <p>The samples are copied in and never handed out, so a value can be shared between threads and tests freely.
 */
public final class Pcm16 {
    private final int sampleRate;
    private final short[] samples;

    /**
     * @param sampleRate samples per second, 1 to 192000
     * @param samples the signed 16-bit samples (copied)
     */
    public Pcm16(int sampleRate, short[] samples) {
        if (sampleRate < 1 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate out of range: " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.samples = samples.clone();
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** How many samples. */
    public int length() {
        return samples.length;
    }

    /** Sample {@code index}, -32768 to 32767. */
    public short sample(int index) {
        return samples[index];
    }

    /** Sample {@code index} scaled to -1.0 (inclusive) .. 1.0 (exclusive) of full scale. */
    public double normalised(int index) {
        return samples[index] / 32768.0;
    }

    public Duration duration() {
        return Duration.ofNanos(samples.length * 1_000_000_000L / sampleRate);
    }

    /** The samples from {@code from} (inclusive) to {@code to} (exclusive). */
    public Pcm16 slice(int from, int to) {
        return new Pcm16(sampleRate, Arrays.copyOfRange(samples, from, to));
    }

    /** The samples as little-endian bytes, the layout of a WAV data chunk. */
    byte[] littleEndianBytes() {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pcm16 other && sampleRate == other.sampleRate && Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "Pcm16[" + sampleRate + " Hz, " + samples.length + " samples]";
    }
}
