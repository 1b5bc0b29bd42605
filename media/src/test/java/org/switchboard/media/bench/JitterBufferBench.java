package org.switchboard.media.bench;

import java.util.Arrays;
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
import org.switchboard.media.jitter.JitterBuffer;
import org.switchboard.media.jitter.JitterConfig;
import org.switchboard.media.jitter.JitterFrame;

/**
 * One 20 ms tick of one G.711 stream through the jitter buffer: the packets that arrived since
 * the last tick offered (one on average), then one poll. Ticks per second on one thread over 50
 * is streams per core in real time. The network is replayed from a trace of 4096 packets:
 * {@code steady} is a constant delay; {@code rough} is jitter uniform in 0-60 ms, 2 % loss and
 * some reordering, so concealment and adaptation run too. Run after
 * {@code mvn -pl media test-compile}:
 * <pre>
 * java -cp "media/target/test-classes:media/target/classes:$(deps)" \
 *     org.openjdk.jmh.Main JitterBufferBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JitterBufferBench {

    private static final int TRACE = 4096;
    private static final long TICK = 20_000_000L;
    private static final int UNITS = 160;

    @Param({"steady", "rough"})
    public String network;

    private JitterBuffer buffer;
    private final byte[] payload = new byte[UNITS];
    /** Packet indexes (into the trace) in arrival order, and their arrival times. */
    private final int[] order = new int[TRACE];
    private final long[] arrival = new long[TRACE];
    /** For each tick of the trace, the first arrival after it. */
    private final int[] arrivedBy = new int[TRACE];
    private int tick;
    private int next;
    private long cycle;

    @Setup
    public void setUp() {
        buffer = new JitterBuffer(JitterConfig.forClockRate(8000));
        SplittableRandom random = new SplittableRandom(7);
        long[] delays = new long[TRACE];
        for (int i = 0; i < TRACE; i++) {
            boolean rough = network.equals("rough");
            long jitter = rough ? random.nextLong(60_000_000L) : 0;
            boolean lost = rough && random.nextInt(50) == 0;
            delays[i] = lost ? Long.MAX_VALUE / 4 : 30_000_000L + jitter;
        }
        Integer[] byArrival = new Integer[TRACE];
        for (int i = 0; i < TRACE; i++) {
            byArrival[i] = i;
        }
        Arrays.sort(byArrival, (a, b) -> Long.compare(a * TICK + delays[a], b * TICK + delays[b]));
        for (int i = 0; i < TRACE; i++) {
            order[i] = byArrival[i];
            arrival[i] = order[i] * TICK + delays[order[i]];
        }
        int a = 0;
        for (int t = 0; t < TRACE; t++) {
            while (a < TRACE && arrival[a] <= t * TICK) {
                a++;
            }
            arrivedBy[t] = a;
        }
    }

    @Benchmark
    public JitterFrame tick() {
        long base = cycle * TRACE;
        long now = (base + tick) * TICK;
        for (int end = arrivedBy[tick]; next < end; next++) {
            long index = base + order[next];
            buffer.offer((int) index, index * UNITS, false, payload, 0, UNITS, base * TICK + arrival[next]);
        }
        JitterFrame frame = buffer.poll(now);
        if (++tick == TRACE) {
            tick = 0;
            next = 0;  // packets still in flight at the trace's end are dropped by the network
            cycle++;
        }
        return frame;
    }
}
