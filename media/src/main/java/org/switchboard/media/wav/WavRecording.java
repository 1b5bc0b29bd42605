package org.switchboard.media.wav;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A recording into a {@link WavWriter} that outlives a failed write: the first write that fails
 * (a full disk) is remembered, later ones are dropped, and {@link #commit()} then refuses and
 * removes the file. A media thread writes and never sees an exception; the owner commits or
 * aborts once the writer let go of the recording, on a thread that may block (the fsync waits
 * for the disk). The mono sink of a leg ({@code channel.WavSink}) and the stereo sink of a call
 * recording ({@code record.StereoWavSink}) are this with their audio interface.
 */
public abstract class WavRecording {

    private final WavWriter writer;
    private volatile String failure;

    /**
     * Records into {@code writer}, which the recording now owns.
     *
     * @param channels the channel count the subclass writes
     * @param rule     what the subclass records, for the error when the writer has other channels
     * @throws IllegalArgumentException when the writer has another channel count
     */
    protected WavRecording(WavWriter writer, int channels, String rule) {
        this.writer = Objects.requireNonNull(writer, "writer");
        if (writer.channels() != channels) {
            throw new IllegalArgumentException(rule + "; the writer has " + writer.channels() + " channels");
        }
    }

    /** Appends mono samples; false when the recording failed, now or earlier. */
    protected final boolean append(short[] pcm, int off, int samples) {
        if (failure != null) {
            return false;
        }
        try {
            writer.write(pcm, off, samples);
            return true;
        } catch (IOException | RuntimeException e) {
            return fail(e);
        }
    }

    /** Appends stereo frames (both arrays from 0); false when the recording failed, now or earlier. */
    protected final boolean append(short[] left, short[] right, int frames) {
        if (failure != null) {
            return false;
        }
        try {
            writer.writeStereo(left, 0, right, 0, frames);
            return true;
        } catch (IOException | RuntimeException e) {
            return fail(e);
        }
    }

    private boolean fail(Exception e) {
        failure = writer.target().getFileName() + ": " + e.getMessage();
        return false;
    }

    public int sampleRate() {
        return writer.sampleRate();
    }

    /** Why the recording failed: the first write that did not go to the file. */
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
     * Makes the recording appear under its name. Only once nothing writes to it any more.
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
        return getClass().getSimpleName() + "[" + writer.target() + "]";
    }
}
