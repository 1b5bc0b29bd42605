package org.switchboard.media.wav;

/**
 * What the fmt chunk of a WAV file says: how samples are encoded, how fast, how many channels
 * (interleaved, one sample of each channel per frame).
 */
public record WavFormat(WavEncoding encoding, int sampleRate, int channels) {

    /** Highest channel count accepted (a WAV may hold more; telephony never needs them). */
    public static final int MAX_CHANNELS = 16;
    /** Highest sample rate accepted. */
    public static final int MAX_SAMPLE_RATE = 384_000;

    public WavFormat {
        if (encoding == null) {
            throw new IllegalArgumentException("encoding is required");
        }
        if (sampleRate <= 0 || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz: must be in 1.." + MAX_SAMPLE_RATE);
        }
        if (channels <= 0 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException(channels + " channels: must be in 1.." + MAX_CHANNELS);
        }
    }

    /** Bytes of one frame: one sample of every channel ({@code nBlockAlign}). */
    public int blockAlign() {
        return channels * encoding.bytesPerSample();
    }

    /** Bytes per second ({@code nAvgBytesPerSec}). */
    public int byteRate() {
        return sampleRate * blockAlign();
    }
}
