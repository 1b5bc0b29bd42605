package org.switchboard.pbx.voicemail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * WAV files for tests: G.711 u-law, mono, 8 kHz (8,000 bytes a second), the format voicemail
 * records in, with a recognisable byte pattern. Shared with other modules' tests.
 */
public final class TestWav {
    private TestWav() { }

    /** A complete file of {@code length} audio. */
    public static byte[] ulaw(Duration length) {
        int data = (int) (length.toMillis() * 8);
        ByteBuffer b = ByteBuffer.allocate(46 + 12 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(b.capacity() - 8)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(18)
                .putShort((short) 7).putShort((short) 1).putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8)
                .putShort((short) 0)
                .put("fact".getBytes(StandardCharsets.US_ASCII)).putInt(4).putInt(data)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        for (int i = 0; i < data; i++) b.put((byte) (i * 31 + 7));
        return b.array();
    }
}
