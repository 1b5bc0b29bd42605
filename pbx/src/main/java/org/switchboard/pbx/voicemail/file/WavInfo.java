package org.switchboard.pbx.voicemail.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * What the RIFF/WAVE header of a recording says: its byte rate and the length of its audio, so
 * a file that lost its index row (a crash between rename and index) can be indexed again with
 * its duration. Reads the {@code fmt } and {@code data} chunks only and skips any other chunk
 * ({@code LIST}, {@code fact}); any PCM-like format works since only the byte rate matters.
 * A {@code data} size of 0 or one past the end of the file (a writer that never finished the
 * header) is taken as "to the end of the file".
 *
 * @param byteRate  bytes of audio per second, from {@code fmt }
 * @param dataBytes bytes of audio
 */
public record WavInfo(int byteRate, long dataBytes) {
    private static final int MAX_CHUNKS = 64;

    public WavInfo {
        if (byteRate <= 0) throw new IllegalArgumentException("byteRate must be positive");
        if (dataBytes < 0) throw new IllegalArgumentException("dataBytes must not be negative");
    }

    /** How long the audio plays, to the millisecond. */
    public Duration duration() {
        return Duration.ofMillis(dataBytes * 1000 / byteRate);
    }

    /** The header of {@code file}, or empty (with no exception) when it is not a readable WAV file. */
    public static Optional<WavInfo> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<WavInfo> read(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        if (!readFully(channel, head, 0)) return Optional.empty();
        if (!tag(head, 0).equals("RIFF") || !tag(head, 8).equals("WAVE")) return Optional.empty();
        long position = 12;
        int byteRate = 0;
        ByteBuffer chunk = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAX_CHUNKS && position + 8 <= size; i++) {
            chunk.clear().limit(8);
            if (!readFully(channel, chunk, position)) return Optional.empty();
            String id = tag(chunk, 0);
            long length = Integer.toUnsignedLong(chunk.getInt(4));
            long body = position + 8;
            if (id.equals("fmt ")) {
                if (length < 16) return Optional.empty();
                chunk.clear().limit(16);
                if (!readFully(channel, chunk, body)) return Optional.empty();
                byteRate = chunk.getInt(8);
                if (byteRate <= 0) return Optional.empty();
            } else if (id.equals("data")) {
                if (byteRate == 0) return Optional.empty();
                long available = size - body;
                long data = length == 0 || length > available ? available : length;
                return Optional.of(new WavInfo(byteRate, data));
            }
            position = body + length + (length & 1);
        }
        return Optional.empty();
    }

    private static boolean readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) return false;
            at += n;
        }
        return true;
    }

    private static String tag(ByteBuffer buffer, int offset) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) bytes[i] = buffer.get(offset + i);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
