package org.switchboard.media.channel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.media.wav.WavWriter;

/**
 * Records what a leg receives into a mono 16-bit WAV file, durably ({@link WavWriter}: a
 * temporary file until {@link #commit()}, then fsync and an atomic rename). The leg writes;
 * the owner commits or aborts, after the leg let go of the sink ({@code stopRecording}
 * completed), on its own thread: the fsync never runs on a media thread.
 *
 * <p>Writes go through the writer's 16 KiB buffer, so the leg's thread touches the file about
 * twice a second at 8 kHz (into the page cache). A write that fails (a full disk) stops the
 * recording; {@link #failure()} says why and {@link #commit()} then refuses.
 */
public final class WavSink implements AudioSink {

    private final WavWriter writer;
    private volatile String failure;

    /** Records into {@code writer} (mono), which the sink now owns. */
    public WavSink(WavWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
        if (writer.channels() != 1) {
            throw new IllegalArgumentException("a WavSink records mono; the writer has " + writer.channels() + " channels");
        }
    }

    /**
     * A recording that will appear as {@code target} on {@link #commit()}.
     *
     * @throws IOException when the temporary file cannot be created
     */
    public static WavSink create(Path target, int sampleRate) throws IOException {
        return new WavSink(WavWriter.create(target, sampleRate, 1));
    }

    @Override
    public int sampleRate() {
        return writer.sampleRate();
    }

    @Override
    public void write(short[] pcm, int off, int samples) {
        if (failure != null) {
            return;
        }
        try {
            writer.write(pcm, off, samples);
        } catch (IOException | RuntimeException e) {
            failure = writer.target() + ": " + e.getMessage();
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

    /** How much audio was recorded. */
    public Duration duration() {
        return Duration.ofNanos(writer.frames() * 1_000_000_000L / writer.sampleRate());
    }

    /**
     * Makes the recording appear under its name. Only once the leg no longer writes to it.
     *
     * @throws IOException when a write failed earlier (the file is then removed) or the commit fails
     */
    public void commit() throws IOException {
        String why = failure;
        if (why != null) {
            writer.abort();
            throw new IOException("recording failed: " + why);
        }
        writer.commit();
    }

    /** Throws the recording away. Idempotent. */
    public void abort() {
        writer.abort();
    }

    @Override
    public String toString() {
        return "WavSink[" + writer.target() + "]";
    }
}
