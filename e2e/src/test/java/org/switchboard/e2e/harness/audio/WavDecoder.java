package org.switchboard.e2e.harness.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Decodes WAV files the server writes (voicemail messages, their mailed copies, its prompts): 16-bit PCM or G.711
 * u-law/A-law (format tags 7 and 6, ITU-T G.711), to mono 16-bit PCM.
 *
 * <p>It uses the JDK's {@code javax.sound.sampled} readers and G.711 decoders on purpose, not the server's own WAV
 * code: a file is proven readable by a decoder its writer did not write. {@link WavFile} stays the reader of the
 * phones' recordings, which may still be growing.
 */
public final class WavDecoder {
    private WavDecoder() {
    }

    /** Decodes a WAV file's bytes; {@code what} names it in errors. */
    public static Pcm16 decode(byte[] wav, String what) {
        try (AudioInputStream coded = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat in = coded.getFormat();
            AudioFormat pcm = new AudioFormat(in.getSampleRate(), 16, in.getChannels(), true, false);
            try (AudioInputStream linear = AudioSystem.getAudioInputStream(pcm, coded)) {
                byte[] bytes = linear.readAllBytes();
                int channels = in.getChannels();
                short[] mono = new short[bytes.length / (2 * channels)];
                for (int i = 0; i < mono.length; i++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        int at = 2 * (i * channels + c);
                        sum += (short) ((bytes[at] & 0xFF) | (bytes[at + 1] << 8));
                    }
                    mono[i] = (short) (sum / channels);
                }
                return new Pcm16(Math.round(in.getSampleRate()), mono);
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a WAV file the JDK decodes: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + what, e);
        }
    }

    /** Decodes a WAV file. */
    public static Pcm16 decode(Path file) {
        try {
            return decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
