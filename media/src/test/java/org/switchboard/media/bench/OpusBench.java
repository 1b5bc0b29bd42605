package org.switchboard.media.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.switchboard.media.codec.opus.OpusCodec;
import org.switchboard.media.codec.opus.OpusDecoder;
import org.switchboard.media.codec.opus.OpusEncoder;
import org.switchboard.media.codec.opus.OpusEncoderSettings;
import org.switchboard.media.codec.opus.OpusImplementation;

/**
 * Opus encode and decode of one 20 ms frame at 48 kHz (960 samples, 32 kbit/s), libopus through
 * FFM against Concentus, in frames per second on one thread: divide by 50 for the calls one core
 * carries in one direction. Run after {@code mvn -pl media test-compile}:
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp "media/target/test-classes:media/target/classes:$(deps)" \
 *     org.openjdk.jmh.Main OpusBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OpusBench {

    private static final int FRAME = 960;
    private static final int FRAMES = 50;

    @Param({"NATIVE", "JAVA"})
    public OpusImplementation implementation;

    @Param({"5", "10"})
    public int complexity;

    private OpusEncoder encoder;
    private OpusDecoder decoder;
    private short[] audio;
    private byte[][] packets;
    private byte[] payload;
    private short[] pcm;
    private int next;

    @Setup
    public void setUp() {
        OpusCodec codec = OpusCodec.load(List.of(implementation)).codec().orElseThrow()
                .withSettings(OpusEncoderSettings.VOICE.withComplexity(complexity));
        encoder = codec.newEncoder();
        decoder = codec.newDecoder();
        audio = speechLike(FRAME * FRAMES);
        payload = new byte[1500];
        pcm = new short[decoder.maxSamples(0)];
        packets = new byte[FRAMES][];
        try (OpusEncoder first = codec.newEncoder()) {
            for (int i = 0; i < FRAMES; i++) {
                packets[i] = Arrays.copyOf(payload, first.encode(audio, i * FRAME, FRAME, payload, 0));
            }
        }
    }

    @TearDown
    public void tearDown() {
        encoder.close();
        decoder.close();
    }

    @Benchmark
    public int encode20ms() {
        int at = next;
        next = (at + 1) % FRAMES;
        return encoder.encode(audio, at * FRAME, FRAME, payload, 0);
    }

    @Benchmark
    public int decode20ms() {
        byte[] packet = packets[next];
        next = (next + 1) % FRAMES;
        return decoder.decode(packet, 0, packet.length, pcm, 0);
    }

    /** Voiced-speech stand-in: a 140 Hz buzz with formant-like partials, syllable envelope, noise. */
    private static short[] speechLike(int samples) {
        Random noise = new Random(6716);
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            double t = i / 48000.0;
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
            double voice = 0;
            for (int k = 1; k <= 20; k++) {
                double f = 140 * k;
                double formant = Math.exp(-Math.pow((f - 700) / 300, 2)) + 0.6 * Math.exp(-Math.pow((f - 1200) / 400, 2));
                voice += (0.05 + formant) * Math.sin(2 * Math.PI * f * t) / k;
            }
            out[i] = (short) Math.max(-32768, Math.min(32767, 6000 * envelope * voice + 300 * noise.nextGaussian()));
        }
        return out;
    }
}
