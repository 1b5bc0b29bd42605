package org.switchboard.pbx.voice;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.media.channel.AudioSink;

/**
 * A recording written as a mono 16-bit PCM WAV file into a channel its owner makes durable: the
 * draft of a voicemail message or greeting ({@code MessageDraft.channel()}), which commits it
 * (fsync, atomic rename, then the index). The header is written first with empty sizes and
 * finished by {@link #finish}, which can also cut silence off the end.
 *
 * <p>The line writes on its media thread through a 16 KiB buffer (the disk is touched about twice
 * a second at 8 kHz, into the page cache); {@link #finish} runs on the application's thread. Both
 * hold the sink's lock, uncontended but for that last moment, so a write racing with the end
 * is either in the file or dropped, never half. A write that fails (a full disk) stops the
 * recording and is told by {@link #failure()}.
 */
public final class WavChannelSink implements AudioSink {
    private static final int HEADER_BYTES = 44;
    /** The RIFF sizes are 32-bit. */
    private static final long MAX_DATA_BYTES = 0xFFFFFFFFL - (HEADER_BYTES - 8);

    private final FileChannel channel;
    private final int sampleRate;
    private final ByteBuffer buffer = ByteBuffer.allocate(16384).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;
    private boolean finished;
    private volatile String failure;

    private WavChannelSink(FileChannel channel, int sampleRate) {
        this.channel = channel;
        this.sampleRate = sampleRate;
    }

    /**
     * Starts the file at the channel's beginning (it must be new and empty).
     *
     * @throws IOException when the header cannot be written
     */
    public static WavChannelSink start(FileChannel channel, int sampleRate) throws IOException {
        Objects.requireNonNull(channel, "channel");
        if (sampleRate < 8000 || sampleRate > 48_000) throw new IllegalArgumentException("rate 8000 to 48000 Hz, not " + sampleRate);
        WavChannelSink sink = new WavChannelSink(channel, sampleRate);
        sink.writeHeader(0);
        channel.position(HEADER_BYTES);
        return sink;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public synchronized void write(short[] pcm, int off, int samples) {
        if (finished || failure != null) return;
        if (dataBytes + buffer.position() + 2L * samples > MAX_DATA_BYTES) {
            failure = "the recording is longer than a WAV file holds (4 GiB)";
            return;
        }
        try {
            for (int i = off; i < off + samples; i++) {
                if (!buffer.hasRemaining()) drain();
                buffer.putShort(pcm[i]);
            }
        } catch (IOException | RuntimeException e) {
            failure = "cannot write the recording: " + e.getMessage();
        }
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** How much audio the sink holds. */
    public synchronized Duration duration() {
        return Duration.ofMillis((dataBytes + buffer.position()) / 2 * 1000 / sampleRate);
    }

    /**
     * Ends the file: later writes are dropped, the last {@code trimEnd} of audio is cut off and
     * the header gets its sizes. The channel's owner then commits it.
     *
     * @return how long the recording plays
     * @throws IOException when a write failed before or the file cannot be finished
     */
    public synchronized Duration finish(Duration trimEnd) throws IOException {
        Objects.requireNonNull(trimEnd, "trimEnd");
        if (finished) throw new IllegalStateException("the recording is already finished");
        finished = true;
        if (failure != null) throw new IOException(failure);
        drain();
        long trimBytes = Math.min(dataBytes, Math.max(0, trimEnd.toMillis()) * sampleRate / 1000 * 2);
        long keep = dataBytes - trimBytes;
        if (keep < dataBytes) channel.truncate(HEADER_BYTES + keep);
        dataBytes = keep;
        writeHeader(keep);
        return Duration.ofMillis(keep / 2 * 1000 / sampleRate);
    }

    private void drain() throws IOException {
        buffer.flip();
        dataBytes += buffer.remaining();
        while (buffer.hasRemaining()) channel.write(buffer);
        buffer.clear();
    }

    private void writeHeader(long data) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) (HEADER_BYTES - 8 + data)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        header.put(ascii("data")).putInt((int) data);
        header.flip();
        long at = 0;
        while (header.hasRemaining()) at += channel.write(header, at);
    }

    private static byte[] ascii(String id) {
        return id.getBytes(StandardCharsets.US_ASCII);
    }
}
