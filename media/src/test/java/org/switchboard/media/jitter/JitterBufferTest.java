package org.switchboard.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.switchboard.media.jitter.JitterFrame.Kind;

/** The buffer driven by hand, packet by packet, on a virtual clock. */
class JitterBufferTest {

    private static final long MS = 1_000_000L;

    private final JitterBuffer buffer = new JitterBuffer(JitterConfig.forClockRate(8000));

    private static byte[] payload(int seed, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) seed);
        return bytes;
    }

    private OfferResult offer(int sequence, long timestamp, long arrivalMs) {
        byte[] p = payload(sequence, 160);
        return buffer.offer(sequence, timestamp, false, p, 0, p.length, arrivalMs * MS);
    }

    @Test
    void nothingBeforeTheFirstPacketWhichPlaysAfterTheMinimumDelay() {
        assertThat(buffer.poll(0).kind()).isEqualTo(Kind.NOTHING);
        assertThat(offer(10, 1600, 5)).isEqualTo(OfferResult.BUFFERED);
        JitterFrame early = buffer.poll(20 * MS);
        assertThat(early.kind()).isEqualTo(Kind.NOTHING);
        assertThat(early.units()).isZero();

        JitterFrame f = buffer.poll(25 * MS);
        assertThat(f.kind()).isEqualTo(Kind.PACKET);
        assertThat(f.sequence()).isEqualTo(10);
        assertThat(f.timestamp()).isEqualTo(1600);
        assertThat(f.units()).isEqualTo(160);
        assertThat(f.samples(8000)).isEqualTo(160);
        assertThat(f.durationNanos()).isEqualTo(20 * MS);
        assertThat(Arrays.copyOfRange(f.payload(), f.offset(), f.offset() + f.length())).isEqualTo(payload(10, 160));
        assertThat(buffer.stats().played()).isEqualTo(1);
    }

    @Test
    void thePayloadIsCopiedAndStaysValidUntilTheNextPollWhateverIsOffered() {
        byte[] source = payload(1, 160);
        buffer.offer(1, 0, true, source, 0, 160, 0);
        Arrays.fill(source, (byte) 99);  // the caller reuses its receive buffer
        JitterFrame f = buffer.poll(20 * MS);
        byte[] held = f.payload();
        for (int i = 2; i < 200; i++) {  // more than the ring holds, wrapping over the played slot
            offer(i, (i - 1) * 160L, 20 + i);
        }
        assertThat(Arrays.copyOf(held, 160)).isEqualTo(payload(1, 160));
        assertThat(f.payload()).isSameAs(held);
    }

    @Test
    void aPayloadOverTheMaximumIsRefusedAndBadBoundsAreAProgrammingError() {
        JitterBuffer small = new JitterBuffer(JitterConfig.forClockRate(8000).withMaxPayload(200));
        byte[] big = new byte[201];
        assertThat(small.offer(1, 0, false, big, 0, 201, 0)).isEqualTo(OfferResult.INVALID);
        assertThat(small.stats().invalid()).isEqualTo(1);
        assertThat(small.poll(100 * MS).kind()).isEqualTo(Kind.NOTHING);
        assertThatThrownBy(() -> small.offer(1, 0, false, big, 150, 100, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aDuplicateOfAPlayedPacketIsToldFromALateOne() {
        offer(1, 0, 0);
        offer(3, 320, 40);
        assertThat(buffer.poll(20 * MS).sequence()).isEqualTo(1);
        assertThat(buffer.poll(40 * MS).kind()).isEqualTo(Kind.LOST);  // 2 is missing, 3 waits
        assertThat(offer(1, 0, 45)).isEqualTo(OfferResult.DUPLICATE);
        assertThat(offer(2, 160, 46)).isEqualTo(OfferResult.LATE);
        assertThat(offer(3, 320, 47)).isEqualTo(OfferResult.DUPLICATE);
        // The late packet shows the delay is too short: a frame is inserted before 3 to grow it.
        assertThat(buffer.poll(60 * MS).kind()).isEqualTo(Kind.LOST);
        assertThat(buffer.poll(80 * MS).sequence()).isEqualTo(3);
        JitterStats stats = buffer.stats();
        assertThat(stats.duplicates()).isEqualTo(2);
        assertThat(stats.late()).isEqualTo(1);
        assertThat(stats.lost()).isEqualTo(1);
        assertThat(stats.inserted()).isEqualTo(1);
        assertThat(stats.concealed()).isEqualTo(2);
    }

    @Test
    void packetsReorderedBeforePlayoutStartsArePlayedInOrder() {
        offer(11, 160, 0);
        offer(10, 0, 2);
        assertThat(buffer.poll(30 * MS).sequence()).isEqualTo(10);
        assertThat(buffer.poll(50 * MS).sequence()).isEqualTo(11);
        assertThat(buffer.stats().late()).isZero();
    }

    @Test
    void aSingleStrayPacketFarAheadIsDroppedWithoutResynchronising() {
        for (int i = 0; i < 10; i++) {
            offer(100 + i, i * 160L, i * 20L);
        }
        assertThat(offer(30_000, 999_999, 200)).isEqualTo(OfferResult.PROBATION);
        assertThat(offer(110, 1600, 200)).isEqualTo(OfferResult.BUFFERED);
        JitterStats stats = buffer.stats();
        assertThat(stats.resyncs()).isZero();
        assertThat(stats.late()).isEqualTo(1);
        long played = 0;
        for (long t = 20; t < 300; t += 20) {
            if (buffer.poll(t * MS).kind() == Kind.PACKET) {
                played++;
            }
        }
        assertThat(played).isEqualTo(11);
    }

    @Test
    void aFarPacketFollowedByItsSuccessorStartsANewStream() {
        for (int i = 0; i < 5; i++) {
            offer(100 + i, i * 160L, i * 20L);
        }
        assertThat(offer(7, 5_000_000, 100)).isEqualTo(OfferResult.PROBATION);
        assertThat(offer(8, 5_000_160, 120)).isEqualTo(OfferResult.RESYNC);
        assertThat(buffer.stats().resyncs()).isEqualTo(1);
        assertThat(buffer.buffered()).isEqualTo(2);
        JitterFrame f = buffer.poll(130 * MS);
        assertThat(f.kind()).isEqualTo(Kind.PACKET);
        assertThat(f.sequence()).isEqualTo(7);
        assertThat(f.timestamp()).isEqualTo(5_000_000);
    }

    @Test
    void restartForgetsTheStreamAndPlaysSilenceUntilTheNextOne() {
        offer(1, 0, 0);
        assertThat(buffer.poll(20 * MS).kind()).isEqualTo(Kind.PACKET);
        offer(2, 160, 21);
        buffer.restart();
        assertThat(buffer.buffered()).isZero();
        JitterFrame silence = buffer.poll(40 * MS);
        assertThat(silence.kind()).isEqualTo(Kind.SILENCE);
        assertThat(silence.units()).isEqualTo(160);
        offer(5000, 77_777, 50);
        assertThat(buffer.poll(60 * MS).kind()).isEqualTo(Kind.SILENCE);
        assertThat(buffer.poll(70 * MS).sequence()).isEqualTo(5000);
        assertThat(buffer.stats().resyncs()).isEqualTo(1);
    }

    @Test
    void framesOfA48KhzStreamLastTheirTimestampUnits() {
        JitterBuffer opus = new JitterBuffer(JitterConfig.forClockRate(48_000));
        for (int i = 0; i < 3; i++) {
            opus.offer(i, i * 960L, i == 0, new byte[60], 0, 60, i * 20 * MS);
        }
        JitterFrame f = opus.poll(20 * MS);
        assertThat(f.kind()).isEqualTo(Kind.PACKET);
        assertThat(f.units()).isEqualTo(960);
        assertThat(f.samples(48_000)).isEqualTo(960);
        assertThat(f.samples(16_000)).isEqualTo(320);
        assertThat(f.durationNanos()).isEqualTo(20 * MS);
        assertThat(f.marker()).isTrue();
    }

    @Test
    void theDurationOfPacketsIsLearntFromTheirTimestamps() {
        offer(1, 0, 0);
        offer(2, 240, 30);
        offer(3, 480, 60);
        assertThat(buffer.frameUnits()).isEqualTo(240);
        // A single longer step (a pause without marker) does not change it; two do.
        offer(4, 1280, 160);
        assertThat(buffer.frameUnits()).isEqualTo(240);
        offer(5, 1520, 190);
        offer(6, 1840, 230);
        offer(7, 2160, 270);
        assertThat(buffer.frameUnits()).isEqualTo(320);
    }

    @Test
    void nothingArrivingGivesSixtyMillisecondsOfConcealmentThenSilence() {
        offer(1, 0, 0);
        assertThat(buffer.poll(20 * MS).kind()).isEqualTo(Kind.PACKET);
        StringBuilder heard = new StringBuilder();
        for (long t = 40; t <= 200; t += 20) {
            heard.append(buffer.poll(t * MS).kind().name().charAt(0));
        }
        assertThat(heard).hasToString("LLLSSSSSS");
        assertThat(buffer.stats().lost()).isZero();
        assertThat(buffer.stats().concealed()).isEqualTo(3);
    }

    @Test
    void randomAbuseNeverBreaksOrderOrBounds() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            JitterBuffer b = new JitterBuffer(JitterConfig.forClockRate(8000).withCapacity(16));
            int base = random.nextInt(65_536);
            long lastPlayed = Long.MIN_VALUE;
            for (int step = 0; step < 400; step++) {
                long now = step * 20 * MS;
                for (int k = random.nextInt(4); k > 0; k--) {
                    int i = step + random.nextInt(30) - 10;
                    byte[] p = payload(i, random.nextInt(200));
                    int seq = random.nextInt(50) == 0 ? random.nextInt(65_536) : base + i;
                    long ts = random.nextInt(50) == 0 ? random.nextLong() : 160L * i;
                    b.offer(seq, ts, random.nextBoolean(), p, 0, p.length, now - random.nextInt(5) * MS);
                }
                JitterFrame f = b.poll(now);
                assertThat(b.buffered()).isLessThanOrEqualTo(16);
                assertThat(f.units()).isBetween(0, 960);
                if (f.kind() == Kind.PACKET && b.stats().resyncs() == 0) {
                    long index = (short) (f.sequence() - base);
                    assertThat(index).as("seed %d", seed).isGreaterThan(lastPlayed);
                    lastPlayed = index;
                }
            }
        }
    }

    @Test
    void offerAndPollAllocateNothingOnceWarmedUp() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        JitterBuffer b = new JitterBuffer(JitterConfig.forClockRate(8000));
        byte[] p = payload(1, 160);
        Random random = new Random(1);
        long[] jitter = new long[1024];
        for (int i = 0; i < jitter.length; i++) {
            jitter[i] = random.nextInt(40) * MS;
        }
        int i = 0;
        for (; i < 20_000; i++) {
            b.offer(i, i * 160L, false, p, 0, p.length, i * 20 * MS + jitter[i & 1023]);
            b.poll((i * 20 + 60) * MS);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (; i < 120_000; i++) {
            b.offer(i, i * 160L, false, p, 0, p.length, i * 20 * MS + jitter[i & 1023]);
            b.poll((i * 20 + 60) * MS);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes for 100,000 packets").isLessThan(10_000);
        assertThat(b.stats().played()).isGreaterThan(115_000);
    }

    /** Polls every 20 ms from {@code fromMs} to {@code toMs}, first letters of the kinds returned. */
    private String pollEvery20Ms(long fromMs, long toMs) {
        StringBuilder heard = new StringBuilder();
        for (long t = fromMs; t <= toMs; t += 20) {
            heard.append(buffer.poll(t * MS).kind().name().charAt(0));
        }
        return heard.toString();
    }

    @Test
    void eventsInterleavedWithAudioTakeNumbersThatAreNeitherLostNorConcealed() {
        // an RFC 4733 sender that keeps the audio going: audio and event packets alternate
        for (int k = 0; k < 20; k++) {
            offer(1 + 2 * k, 160L * k, 20L * k);
            buffer.skip(2 + 2 * k);
        }
        assertThat(pollEvery20Ms(20, 400)).isEqualTo("P".repeat(20));
        assertThat(buffer.stats().lost()).isZero();
        assertThat(buffer.stats().concealed()).isZero();
    }

    @Test
    void aKeyPressInPlaceOfAudioIsSilenceNotConcealmentAndNotLoss() {
        // audio 1-10, then the phone sends events 11-20 for 200 ms instead, then audio again
        StringBuilder heard = new StringBuilder();
        for (int k = 0; k < 30; k++) {
            long now = 20L * k;
            if (k < 10 || k >= 20) {
                offer(1 + k, 160L * k, now);
            } else {
                buffer.skip(1 + k);
            }
            heard.append(buffer.poll((now + 20) * MS).kind().name().charAt(0));
        }
        assertThat(heard.toString()).doesNotContain("L").startsWith("PPPPPPPPPP").contains("S").endsWith("P");
        assertThat(buffer.stats().lost()).isZero();
        assertThat(buffer.stats().concealed()).isZero();
        assertThat(buffer.stats().played()).isEqualTo(20);
    }

    @Test
    void aPressLongerThanTheRingIsNoLossEither() {
        offer(1, 0, 0);
        assertThat(buffer.poll(20 * MS).kind()).isEqualTo(Kind.PACKET);
        for (int k = 1; k <= 500; k++) {  // 10 s of events at 20 ms, far more than 64 slots
            buffer.skip(1 + k);
            assertThat(buffer.poll((20 + 20L * k) * MS).kind()).isEqualTo(Kind.SILENCE);
        }
        StringBuilder heard = new StringBuilder();
        for (int k = 501; k < 510; k++) {
            offer(1 + k, 160L * k, 20L * k);
            heard.append(buffer.poll((20 + 20L * k) * MS).kind().name().charAt(0));
        }
        assertThat(heard.toString()).doesNotContain("L").endsWith("PPPPP");
        assertThat(buffer.stats().lost()).isZero();
        assertThat(buffer.stats().resyncs()).isZero();
    }

    @Test
    void aSkipOfANumberPassedFarOffOrHeldByAudioChangesNothing() {
        buffer.skip(7);  // before the stream: ignored
        offer(1, 0, 0);
        offer(2, 160, 20);
        buffer.skip(1);  // held by audio
        buffer.skip(2);
        buffer.skip(40_000);  // far off the stream
        assertThat(pollEvery20Ms(20, 40)).isEqualTo("PP");
        buffer.skip(1);  // already played
        assertThat(buffer.stats().played()).isEqualTo(2);
        assertThat(buffer.stats().lost()).isZero();
        assertThat(pollEvery20Ms(60, 100)).isEqualTo("LLL");  // audio stopped without a reason: concealed
    }

    @Test
    void randomSkipsNeverBreakOrderOrBounds() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            JitterBuffer b = new JitterBuffer(JitterConfig.forClockRate(8000).withCapacity(16));
            int base = random.nextInt(65_536);
            long lastPlayed = Long.MIN_VALUE;
            for (int step = 0; step < 400; step++) {
                long now = step * 20 * MS;
                for (int k = random.nextInt(4); k > 0; k--) {
                    int i = step + random.nextInt(30) - 10;
                    int seq = random.nextInt(50) == 0 ? random.nextInt(65_536) : base + i;
                    if (random.nextInt(3) == 0) {
                        b.skip(seq);
                    } else {
                        byte[] p = payload(i, random.nextInt(200));
                        b.offer(seq, 160L * i, random.nextBoolean(), p, 0, p.length, now - random.nextInt(5) * MS);
                    }
                }
                JitterFrame f = b.poll(now);
                assertThat(b.buffered()).isLessThanOrEqualTo(16);
                assertThat(f.units()).isBetween(0, 960);
                if (f.kind() == Kind.PACKET && b.stats().resyncs() == 0) {
                    long index = (short) (f.sequence() - base);
                    assertThat(index).as("seed %d", seed).isGreaterThan(lastPlayed);
                    lastPlayed = index;
                }
            }
        }
    }
}
