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
import org.switchboard.media.dsp.Resampler;

/**
 * Resampling of one 20 ms frame, in frames per second on one thread: divide by 50 for the
 * channels (one direction of one leg) that one core resamples in real time. Run after
 * {@code mvn -pl media test-compile}:
 * <pre>
 * java -cp "media/target/test-classes:media/target/classes:$(deps)" \
 *     org.openjdk.jmh.Main ResamplerBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResamplerBench {

    @Param({"8000-48000", "48000-8000", "16000-8000", "8000-16000", "16000-48000", "48000-16000"})
    public String rates;

    private Resampler resampler;
    private short[] frame;
    private short[] out;

    @Setup
    public void setUp() {
        String[] pair = rates.split("-");
        int from = Integer.parseInt(pair[0]);
        resampler = Resampler.create(from, Integer.parseInt(pair[1]));
        frame = new short[from / 50];
        Random random = new Random(1);
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) (random.nextGaussian() * 3000);
        }
        out = new short[resampler.maxOutput(frame.length)];
    }

    @Benchmark
    public short[] frame() {
        resampler.process(frame, 0, frame.length, out, 0);
        return out;
    }
}
