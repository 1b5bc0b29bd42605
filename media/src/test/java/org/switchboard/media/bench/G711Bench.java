package org.switchboard.media.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.switchboard.media.codec.AudioDecoder;
import org.switchboard.media.codec.AudioEncoder;
import org.switchboard.media.codec.G711;

/**
 * G.711 encode and decode of one 20 ms frame (160 samples at 8 kHz), in frames per second on one
 * thread: channels per core in real time are {@code frames/s / 50}. Run after
 * {@code mvn -pl media test-compile}:
 * <pre>
 * java -cp "media/target/test-classes:media/target/classes:$(deps)" \
 *     org.openjdk.jmh.Main G711Bench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class G711Bench {

    private static final int FRAME = 160;

    @Param({"PCMU", "PCMA"})
    public G711 law;

    private AudioEncoder encoder;
    private AudioDecoder decoder;
    private final short[] pcm = new short[FRAME];
    private final byte[] payload = new byte[FRAME];
    private final short[] decoded = new short[FRAME];

    @Setup
    public void setUp() {
        encoder = law.newEncoder();
        decoder = law.newDecoder();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < FRAME; i++) {
            pcm[i] = (short) (8000 * Math.sin(i * 0.3) + random.nextInt(-2000, 2001));
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
        decoder.decode(payload, 0, FRAME, decoded, 0);
        return decoded;
    }
}
