package org.switchboard.media.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722;
import org.switchboard.media.dsp.ToneList;

/**
 * A running leg allocates nothing per packet or tick: at thousands of legs, a few hundred bytes
 * per tick each would be megabytes of garbage a second. Only the RTCP reports (every few
 * seconds) may allocate.
 */
class LegAudioAllocationTest {

    private static final long START = 13_000_000_000L;
    private static final long PTIME = 20_000_000L;
    private static final int TICKS = 1000;

    /** A sink that overwrites one buffer: allocates nothing. */
    private static final class Meter implements AudioSink {
        private final short[] last = new short[960];
        private final int rate;

        Meter(int rate) {
            this.rate = rate;
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public void write(short[] pcm, int off, int samples) {
            System.arraycopy(pcm, off, last, 0, Math.min(samples, last.length));
        }
    }

    private static final PacketOut DISCARD = new PacketOut() {
        @Override
        public void rtp(byte[] packet, int offset, int length) { }

        @Override
        public void rtcp(byte[] packet, int offset, int length) { }
    };

    @ParameterizedTest
    @ValueSource(strings = {"PCMU", "G722"})
    void aRunningLegAllocatesNothingPerTick(String name) {
        AudioCodec codec = name.equals("PCMU") ? G711.PCMU : G722.INSTANCE;
        int pt = codec.staticPayloadType();
        LegAudio leg = new LegAudio(LegAudioConfig.of(codec, pt, "alloc").withTelephoneEvent(101, 8000)
                .withInbandDtmf(true), LegAudioListener.IGNORE, new SplittableRandom(), START);
        leg.record(new Meter(codec.sampleRate()));
        leg.record(new Meter(48000));
        leg.play(new ToneSource(ToneList.parse("350+440"), codec.sampleRate()));
        FakePhone phone = new FakePhone(codec, pt);
        byte[][] packets = new byte[2 * TICKS][];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = phone.tone(1000, -10);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        run(leg, packets, 0, TICKS);
        long before = threads.getCurrentThreadAllocatedBytes();
        run(leg, packets, TICKS, 2 * TICKS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated over %d ticks (20 s, a few RTCP reports)", TICKS).isLessThan(16_384);
    }

    private static void run(LegAudio leg, byte[][] packets, int from, int to) {
        for (int i = from; i < to; i++) {
            long now = START + i * PTIME;
            leg.onRtp(packets[i], 0, packets[i].length, now);
            leg.tick(now, 1_700_000_000_000L + i * 20L, DISCARD);
        }
    }
}
