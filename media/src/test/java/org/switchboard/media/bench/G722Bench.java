package org.switchboard.media.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.switchboard.media.codec.AudioDecoder;
import org.switchboard.media.codec.AudioEncoder;
import org.switchboard.media.codec.G722;

/**
 * G.722 encode and decode of one 20 ms frame (320 samples at 16 kHz, 160 bytes), in frames per
 * second on one thread: channels per core in real time are {@code frames/s / 50}. The encoder and
 * decoder keep running state across frames, as on a call. Run after
 * {@code mvn -pl media test-compile}:
 * <pre>
 * java -cp "media/target/test-classes:media/target/classes:$(deps)" \
 *     org.openjdk.jmh.Main G722Bench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class G722Bench {

    private static final int FRAME = 320;

    private AudioEncoder encoder;
    private AudioDecoder decoder;
    private final short[] pcm = new short[FRAME];
    private final byte[] payload = new byte[FRAME / 2];
    private final short[] decoded = new short[FRAME];

    @Setup
    public void setUp() {
        encoder = G722.INSTANCE.newEncoder();
        decoder = G722.INSTANCE.newDecoder();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < FRAME; i++) {
            pcm[i] = (short) (6000 * Math.sin(i * 0.2) + 2000 * Math.sin(i * 1.9) + random.nextInt(-1000, 1001));
        }
        encoder.encode(pcm, 0, FRAME, payload, 0);
    }

    @Benchmark
    public byte[] encode() {
        encoder.encode(pcm, 0, FRAME, payload, 0);
        return payload;
    }

    @Benchmark
    public short[] decode() {
        decoder.decode(payload, 0, FRAME / 2, decoded, 0);
        return decoded;
    }
}
