package org.switchboard.media.record;

import java.io.IOException;
import java.nio.file.Path;
import org.switchboard.media.wav.WavRecording;
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
 * recording; {@link #failure()} says why and {@link #commit()} then refuses and removes the file
 * ({@link WavRecording}).
 */
public final class StereoWavSink extends WavRecording implements AudioStereoSink {

    /** Records into {@code writer} (stereo), which the sink now owns. */
    public StereoWavSink(WavWriter writer) {
        super(writer, 2, "a call recording is stereo");
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
    public boolean write(short[] left, short[] right, int frames) {
        return append(left, right, frames);
    }
}
