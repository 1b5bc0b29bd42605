package org.switchboard.e2e.harness;

import java.nio.file.Path;

import org.switchboard.e2e.harness.audio.WavFile;

/**
 * What a baresip phone sends as its microphone: the {@code ausine} module's sine, or a WAV file through the
 * {@code aufile} module.
 *
 * <p>baresip 1.0.0's {@code aufile} insists that {@code ausrc_srate} and {@code ausrc_channels} match the file, and
 * ends the call when the file ends: give it a file longer than the call (a minute of 8 kHz tone is under 1 MB).
 *
 * @param source the {@code audio_source} value ({@code module,device})
 * @param sampleRate {@code ausrc_srate}
 * @param channels {@code ausrc_channels}
 */
public record BaresipAudio(String source, int sampleRate, int channels) {
    /** A 440 Hz sine, the source the harness always used for registration tests. */
    public static final BaresipAudio SINE_440 = sine(440);

    /** The {@code ausine} module's sine at {@code frequencyHz} (it needs 48 kHz stereo). */
    public static BaresipAudio sine(int frequencyHz) {
        return new BaresipAudio("ausine," + frequencyHz, 48_000, 2);
    }

    /** A 16-bit PCM WAV file (8 kHz mono suits G.711) as the microphone. */
    public static BaresipAudio file(Path wav) {
        String path = wav.toAbsolutePath().toString();
        if (path.contains(",") || path.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("baresip's audio_source cannot name a path with ',' or a space: " + path);
        }
        WavFile.Format format = WavFile.format(wav);
        return new BaresipAudio("aufile," + path, format.sampleRate(), format.channels());
    }
}
