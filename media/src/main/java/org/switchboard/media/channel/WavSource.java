package org.switchboard.media.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.media.wav.WavFormat;
import org.switchboard.media.wav.WavReader;

/**
 * A prompt or music file played from a WAV file ({@link WavReader}: 16- and 8-bit PCM, A-law,
 * µ-law, any rate and channel count), once or looped. Channels are mixed down to mono; the rate
 * stays the file's and the leg converts it. Streams: the file is read a buffer at a time and
 * never held whole, so an hour of music costs a few kilobytes.
 *
 * <p>The header is read when the source is made, so a missing or broken file fails there, on
 * the caller's thread, with a message an administrator can act on. Later read errors (the file
 * removed or cut short while playing) end the source early and are kept in {@link #failure()}.
 * A looped source reopens the file at its end; a file with no audio plays nothing even looped.
 */
public final class WavSource implements AudioSource {

    /** Opens a fresh stream over the whole file, header included; the source closes it. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private static final int CHUNK_FRAMES = 1024;

    private final Opener opener;
    private final boolean loop;
    private final String name;
    private final WavFormat format;
    private final short[] interleaved;
    private WavReader reader;
    private boolean passHadAudio;
    private boolean ended;
    private String failure;

    private WavSource(Opener opener, boolean loop, String name) throws IOException {
        this.opener = opener;
        this.loop = loop;
        this.name = name;
        this.reader = read(opener);
        this.format = reader.format();
        this.interleaved = new short[CHUNK_FRAMES * format.channels()];
    }

    /** Opens the stream and reads the header, closing the stream if that fails. */
    private static WavReader read(Opener opener) throws IOException {
        InputStream in = opener.open();
        try {
            return WavReader.of(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * The file at {@code file}, its header read now.
     *
     * @throws IOException when it cannot be opened or is not a WAV file {@link WavReader} reads
     *                     ({@link org.switchboard.media.wav.WavFormatException} says what is wrong)
     */
    public static WavSource open(Path file, boolean loop) throws IOException {
        Objects.requireNonNull(file, "file");
        return new WavSource(() -> Files.newInputStream(file), loop, file.toString());
    }

    /**
     * The file {@code opener} opens (a prompt bundled in a jar, for instance), its header read now.
     *
     * @param name what to call it in messages
     */
    public static WavSource of(Opener opener, boolean loop, String name) throws IOException {
        return new WavSource(Objects.requireNonNull(opener, "opener"), loop, Objects.requireNonNull(name, "name"));
    }

    /** The file's format. */
    public WavFormat format() {
        return format;
    }

    public boolean looped() {
        return loop;
    }

    @Override
    public int sampleRate() {
        return format.sampleRate();
    }

    @Override
    public int read(short[] out, int off, int samples) {
        int done = 0;
        while (done < samples && !ended) {
            int frames = readFrames(out, off + done, samples - done);
            if (frames > 0) {
                done += frames;
                passHadAudio = true;
            } else if (frames < 0 && !(loop && passHadAudio && reopen())) {
                end(null);
            }
        }
        return done;
    }

    /** Reads up to {@code wanted} mono samples; -1 at the end of the file. */
    private int readFrames(short[] out, int off, int wanted) {
        int channels = format.channels();
        int got;
        try {
            got = reader.read(interleaved, 0, Math.min(wanted, CHUNK_FRAMES) * channels);
        } catch (IOException | RuntimeException e) {
            end(name + ": " + e.getMessage());
            return 0;
        }
        if (got <= 0) {
            return -1;
        }
        int frames = got / channels;
        if (channels == 1) {
            System.arraycopy(interleaved, 0, out, off, frames);
            return frames;
        }
        for (int f = 0, i = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[i++];
            }
            out[off + f] = (short) (sum / channels);
        }
        return frames;
    }

    private boolean reopen() {
        closeReader();
        try {
            reader = read(opener);
            passHadAudio = false;
            if (!reader.format().equals(format)) {
                failure = name + ": the file changed format while playing (" + reader.format() + ")";
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            reader = null;
            failure = name + ": " + e.getMessage();
            return false;
        }
    }

    private void end(String why) {
        ended = true;
        if (why != null && failure == null) {
            failure = why;
        }
        closeReader();
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        ended = true;
        closeReader();
    }

    private void closeReader() {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (IOException ignored) {
            // a file only read from: nothing is lost
        }
        reader = null;
    }

    @Override
    public String toString() {
        return "WavSource[" + name + (loop ? ", looped" : "") + "]";
    }
}
