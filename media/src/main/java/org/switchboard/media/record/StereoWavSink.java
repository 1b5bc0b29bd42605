package org.switchboard.media.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.media.wav.WavWriter;

/**
 * A call recording in a stereo 16-bit WAV file, written durably by {@link WavWriter}: a hidden
 * temporary file until {@link #commit()}, then fsync and an atomic rename, so the file either
 * appears complete under its name or not at all. The recorder writes on the media thread;
 * the owner commits or aborts once the recorder let go of the sink, on a thread that may
 * block (never a media thread: the fsync waits for the disk).
 *
 * <p>Writes go through the writer's 16 KiB buffer: at 16 kHz stereo the media thread touches
 * the file four times a second, into the page cache. A write that fails (a full disk) stops the
 * recording; {@link #failure()} says why and {@link #commit()} then refuses and removes the file.
 */
public final class StereoWavSink implements AudioStereoSink {

    private final WavWriter writer;
    private volatile String failure;

    /** Records into {@code writer} (stereo), which the sink now owns. */
    public StereoWavSink(WavWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
        if (writer.channels() != 2) {
            throw new IllegalArgumentException("a call recording is stereo; the writer has " + writer.channels()
                    + " channel");
        }
    }

    /**
     * A recording that appears as {@code target} on {@link #commit()}.
     *
     * @throws IOException when the temporary file cannot be created (no directory, no space, no rights)
     */
    public static StereoWavSink create(Path target, int sampleRate) throws IOException {
        return new StereoWavSink(WavWriter.create(target, sampleRate, 2));
    }

    @Override
    public int sampleRate() {
        return writer.sampleRate();
    }

    @Override
    public boolean write(short[] left, short[] right, int frames) {
        if (failure != null) {
            return false;
        }
        try {
            writer.writeStereo(left, 0, right, 0, frames);
            return true;
        } catch (IOException | RuntimeException e) {
            failure = writer.target().getFileName() + ": " + e.getMessage();
            return false;
        }
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Where the file appears once committed. */
    public Path target() {
        return writer.target();
    }

    /** Where the samples are written until then. */
    public Path temporaryFile() {
        return writer.temporaryFile();
    }

    /** How much audio was written: frames (samples per channel) over the rate. */
    public Duration duration() {
        return Duration.ofNanos(writer.frames() * 1_000_000_000L / writer.sampleRate());
    }

    /**
     * Makes the recording appear under its name. Only once the recorder no longer writes to it.
     *
     * @throws IOException when a write failed earlier (the file is then removed) or the commit fails
     */
    public void commit() throws IOException {
        String why = failure;
        if (why != null) {
            writer.abort();
            throw new IOException("the recording failed: " + why);
        }
        writer.commit();
    }

    /** Throws the recording away. Idempotent; nothing happens after a commit. */
    public void abort() {
        writer.abort();
    }

    @Override
    public String toString() {
        return "StereoWavSink[" + writer.target() + "]";
    }
}
