package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.switchboard.e2e.harness.audio.Pcm16;
import org.switchboard.e2e.harness.audio.WavFile;

/**
 * Spoken test audio: a sentence said by {@code espeak-ng} and brought by {@code sox} to 8 kHz mono 16-bit PCM, the
 * microphone a baresip caller speaks a voicemail message with (G.711 carries it as it would a person's voice).
 *
 * <p>baresip's {@code aufile} ends the call when its file ends, so the sentence is repeated until the file lasts at
 * least as long as the call may; the pauses espeak-ng leaves between sentences are far shorter than any silence
 * detector's limit.
 */
public final class Espeak {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int RATE = 8000;

    private Espeak() {
    }

    /**
     * Writes {@code text}, spoken and repeated to last at least {@code atLeast}, to {@code file} (8 kHz mono 16-bit).
     *
     * @throws IllegalStateException when espeak-ng or sox fails (scripts/install-peers.sh installs both)
     */
    public static Path speech(Path file, String text, Duration atLeast) {
        Path said = file.resolveSibling(file.getFileName() + ".espeak.wav");
        Path narrow = file.resolveSibling(file.getFileName() + ".8k.wav");
        run("espeak-ng", List.of("espeak-ng", "-w", said.toString(), text), file.getParent());
        run("sox", List.of("sox", said.toString(), "-r", Integer.toString(RATE), "-c", "1", "-b", "16", "-e",
                "signed-integer", narrow.toString()), file.getParent());
        Pcm16 once = WavFile.read(narrow);
        if (once.length() == 0) {
            throw new IllegalStateException("espeak-ng said nothing for: " + text);
        }
        long needed = atLeast.toMillis() * RATE / 1000;
        int repeats = (int) Math.max(1, (needed + once.length() - 1) / once.length());
        short[] samples = new short[once.length() * repeats];
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < once.length(); i++) {
                samples[r * once.length() + i] = once.sample(i);
            }
        }
        try {
            Files.deleteIfExists(said);
            Files.deleteIfExists(narrow);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the intermediate files of " + file, e);
        }
        return WavFile.write(file, new Pcm16(RATE, samples));
    }

    private static void run(String name, List<String> command, Path dir) {
        ProcessResult result = new OneShotCommand(name, command, dir, TIMEOUT).run();
        if (result.exitCode() != 0) {
            throw new IllegalStateException(name + " failed (is it installed? scripts/install-peers.sh): "
                    + result.describe());
        }
    }
}
