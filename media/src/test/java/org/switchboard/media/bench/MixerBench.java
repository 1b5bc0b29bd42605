package org.switchboard.media.bench;

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
import org.switchboard.media.dsp.Mixer;

/**
 * One 20 ms tick of a conference's N-1 mix at 8 kHz (every participant talking, each getting
 * their own mix), in ticks per second on one thread: participants per core in real time are
 * {@code ticks/s x participants / 50}. Run after {@code mvn -pl media test-compile}:
 * <pre>
 * java -cp "media/target/test-classes:media/target/classes:$(deps)" \
 *     org.openjdk.jmh.Main MixerBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MixerBench {

    private static final int FRAME = 160;

    @Param({"3", "10", "50"})
    public int participants;

    @Param({"HARD", "SOFT"})
    public Mixer.Limiting limiting;

    private Mixer mixer;
    private short[][] frames;
    private short[][] outputs;

    @Setup
    public void setUp() {
        mixer = new Mixer(FRAME, limiting);
        frames = new short[participants][FRAME];
        outputs = new short[participants][FRAME];
        Random random = new Random(1);
        for (short[] frame : frames) {
            for (int i = 0; i < FRAME; i++) {
                frame[i] = (short) (random.nextGaussian() * 4000);
            }
        }
    }

    @Benchmark
    public short[][] tick() {
        mixer.mix(frames, outputs, participants);
        return outputs;
    }
}
