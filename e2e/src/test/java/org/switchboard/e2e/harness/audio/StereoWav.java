package org.switchboard.e2e.harness.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A two-channel recording split into its channels, as the server's call recordings are (caller left, callee right):
 * {@link WavFile} and {@link WavDecoder} mix channels down, which would blend the two parties into one.
 *
 * <p>Read with the JDK's {@code javax.sound.sampled} (16-bit PCM or G.711, converted to 16-bit PCM), not the server's
 * own WAV code, so that a recording is proven readable by a decoder its writer did not write.
 *
 * @param left the first channel (the caller)
 * @param right the second channel (the callee)
 */
public record StereoWav(Pcm16 left, Pcm16 right) {
    public StereoWav {
        if (left.sampleRate() != right.sampleRate() || left.length() != right.length()) {
            throw new IllegalArgumentException("the two channels of one recording have the same rate and length: "
                    + left + " and " + right);
        }
    }

    /** The recording's length: both channels last as long. */
    public Duration duration() {
        return left.duration();
    }

    /**
     * Reads a two-channel WAV file.
     *
     * @throws IllegalArgumentException when it is not a WAV file the JDK decodes, or has not exactly two channels
     */
    public static StereoWav read(Path file) {
        byte[] wav;
        try {
            wav = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try (AudioInputStream coded = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat in = coded.getFormat();
            if (in.getChannels() != 2) {
                throw new IllegalArgumentException(file + " has " + in.getChannels() + " channel(s), not 2");
            }
            AudioFormat pcm = new AudioFormat(in.getSampleRate(), 16, 2, true, false);
            try (AudioInputStream linear = AudioSystem.getAudioInputStream(pcm, coded)) {
                byte[] bytes = linear.readAllBytes();
                short[] left = new short[bytes.length / 4];
                short[] right = new short[left.length];
                for (int i = 0; i < left.length; i++) {
                    left[i] = sample(bytes, 4 * i);
                    right[i] = sample(bytes, 4 * i + 2);
                }
                int rate = Math.round(in.getSampleRate());
                return new StereoWav(new Pcm16(rate, left), new Pcm16(rate, right));
            }
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(file + " is not a WAV file the JDK decodes: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + file, e);
        }
    }

    private static short sample(byte[] littleEndian, int at) {
        return (short) ((littleEndian[at] & 0xFF) | (littleEndian[at + 1] << 8));
    }
}
