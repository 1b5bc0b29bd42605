package org.switchboard.media.channel;

import java.io.IOException;
import java.nio.file.Path;
import org.switchboard.media.wav.WavRecording;
import org.switchboard.media.wav.WavWriter;

/**
 * Records what a leg receives into a mono 16-bit WAV file, durably ({@link WavWriter}: a
 * temporary file until {@link #commit()}, then fsync and an atomic rename). The leg writes;
 * the owner commits or aborts, after the leg let go of the sink ({@code stopRecording}
 * completed), on its own thread: the fsync never runs on a media thread.
 *
 * <p>Writes go through the writer's 16 KiB buffer, so the leg's thread touches the file about
 * twice a second at 8 kHz (into the page cache). A write that fails (a full disk) stops the
 * recording; {@link #failure()} says why and {@link #commit()} then refuses
 * ({@link WavRecording}).
 */
public final class WavSink extends WavRecording implements AudioSink {

    /** Records into {@code writer} (mono), which the sink now owns. */
    public WavSink(WavWriter writer) {
        super(writer, 1, "a WavSink records mono");
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
    public void write(short[] pcm, int off, int samples) {
        append(pcm, off, samples);
    }
}
