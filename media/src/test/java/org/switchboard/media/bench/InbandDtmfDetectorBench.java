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
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfListener;
import org.switchboard.media.dtmf.InbandDtmfDetector;

/**
 * In-band DTMF detection of one 20 ms frame (160 samples at 8 kHz), in frames per second on one
 * thread: channels per core in real time are {@code frames/s / 50}. The audio is two seconds of
 * noise with a key press every 200 ms, played in a loop. Run after {@code mvn -pl media test-compile}:
 * <pre>
 * java -cp "media/target/test-classes:media/target/classes:$(deps)" \
 *     org.openjdk.jmh.Main InbandDtmfDetectorBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InbandDtmfDetectorBench {

    private static final int FRAME = 160;
    private static final int RATE = 8000;

    private final short[] audio = new short[2 * RATE];
    private final InbandDtmfDetector detector = new InbandDtmfDetector();
    private final Counter counter = new Counter();
    private int at;

    /** Counts presses, so the detector's work cannot be optimised away. */
    public static final class Counter implements DtmfListener {
        public long digits;

        @Override
        public void onDigit(DtmfEvent event) {
            digits++;
        }
    }

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        int[][] keys = {{697, 1209}, {770, 1336}, {852, 1477}, {941, 1633}, {941, 1336}};
        for (int i = 0; i < audio.length; i++) {
            double v = random.nextInt(-300, 301);
            int slot = i / (RATE / 5);
            if (i % (RATE / 5) < RATE / 10) {
                int[] key = keys[slot % keys.length];
                v += 6000 * (Math.sin(2 * Math.PI * key[0] * i / RATE) + Math.sin(2 * Math.PI * key[1] * i / RATE));
            }
            audio[i] = (short) v;
        }
    }

    @Benchmark
    public Counter detect() {
        detector.process(audio, at, FRAME, counter);
        at += FRAME;
        if (at == audio.length) {
            at = 0;
        }
        return counter;
    }
}
