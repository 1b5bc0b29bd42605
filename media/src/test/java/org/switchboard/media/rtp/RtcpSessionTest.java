package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class RtcpSessionTest {

    /** A whole second of wall time, so that NTP conversions of whole milliseconds stay exact. */
    private static final long WALL0 = 1_750_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final int SESSION_BPS = 80_000;

    private static RtcpSession session(long ssrc, String cname, long seed) {
        return new RtcpSession(ssrc, cname, 8000, SESSION_BPS, new SplittableRandom(seed), 0);
    }

    private static List<RtcpPacket> parse(byte[] out, int length) {
        return ((RtcpParseResult.Parsed) RtcpParser.parse(out, 0, length)).packets();
    }

    /** Feeds {@code count} 20 ms packets from {@code ssrc} into {@code session}, one every 20 ms from {@code startMs}. */
    private static void receive(RtcpSession session, long ssrc, int firstSeq, int count, long startMs) {
        byte[] packet = new byte[172];
        RtpView view = new RtpView();
        for (int i = 0; i < count; i++) {
            RtpWriter.writeHeader(packet, 0, false, 0, firstSeq + i, 160L * (firstSeq + i), ssrc);
            view.wrap(packet, 0, packet.length);
            session.onRtpReceived(view, (startMs + 20L * i) * MS);
        }
    }

    @Test
    void aSessionThatSentNothingSendsAnRrWithItsCname() {
        RtcpSession a = session(0xA, "a@switchboard", 1);
        byte[] out = new byte[a.maxPacketLength()];

        int n = a.buildReport(3000 * MS, WALL0, out);

        assertThat(parse(out, n)).containsExactly(
                new RtcpReceiverReport(0xA, List.of()), RtcpSdes.ofCname(0xA, "a@switchboard"));
    }

    @Test
    void aSessionThatSentRtpSendsAnSrWithItsCountsAndTheRtpTimeOfTheReport() {
        RtcpSession a = session(0xA, "a@switchboard", 1);
        a.onRtpSent(160, 8000, 0);
        a.onRtpSent(160, 8160, 20 * MS);
        a.onRtpSent(160, 8320, 40 * MS);
        byte[] out = new byte[a.maxPacketLength()];

        int n = a.buildReport(50 * MS, WALL0 + 50, out);

        RtcpSenderReport sr = (RtcpSenderReport) parse(out, n).getFirst();
        assertThat(sr.senderInfo()).isEqualTo(
                new RtcpSenderInfo(NtpTime.fromUnixMillis(WALL0 + 50), 8320 + 80, 3, 480));
        assertThat(parse(out, a.buildReport(5050 * MS, WALL0 + 5050, out)).getFirst())
                .as("nothing sent since").isInstanceOf(RtcpReceiverReport.class);
    }

    @Test
    void aReceiverReportsOnTheSourceItHeard() {
        RtcpSession b = session(0xB, "b@phone", 2);
        receive(b, 0xA, 100, 100, 0);
        byte[] out = new byte[b.maxPacketLength()];

        int n = b.buildReport(2100 * MS, WALL0 + 2100, out);

        RtcpReceiverReport rr = (RtcpReceiverReport) parse(out, n).getFirst();
        assertThat(rr.reportBlocks()).containsExactly(new RtcpReportBlock(0xA, 0, 0, 199, 0, 0, 0));
        assertThat(parse(out, b.buildReport(7000 * MS, WALL0 + 7000, out)).getFirst())
                .as("no block when the source was silent since").isEqualTo(new RtcpReceiverReport(0xB, List.of()));
    }

    @Test
    void roundTripIsExactFromACraftedSrRrExchange() {
        RtcpSession a = session(0xA, "a", 1);
        RtcpSession b = session(0xB, "b", 2);
        byte[] out = new byte[256];
        a.onRtpSent(160, 0, 900 * MS);
        receive(b, 0xA, 7, 2, 4000);

        int srLength = a.buildReport(1000 * MS, WALL0 + 1000, out);
        b.onRtcpReceived(out, 0, srLength, 5000 * MS, WALL0 + 99_999);
        int rrLength = b.buildReport(5500 * MS, WALL0 + 123_456, out);

        RtcpReportBlock block = ((RtcpReceiverReport) parse(out, rrLength).getFirst()).reportBlocks().getFirst();
        assertThat(block.lastSenderReport()).isEqualTo(NtpTime.compactOfUnixMillis(WALL0 + 1000));
        assertThat(block.delaySinceLastSenderReport()).as("0.5 s").isEqualTo(32768);

        a.onRtcpReceived(out, 0, rrLength, 1800 * MS, WALL0 + 1750);

        assertThat(a.stats().roundTripMillis()).as("750 ms after the SR, 500 ms of it held by B").hasValue(250.0);
        assertThat(b.stats().lastSenderReport()).hasValueSatisfying(t -> assertThat(t.toEpochMilli()).isEqualTo(WALL0 + 99_999));
    }

    @Test
    void aTenSecondCallWithFivePercentLossShowsOnBothSides() {
        Call call = new Call(i -> i % 20 == 10);
        call.run(10_000, 10_200);
        call.exchangeFinalReports();

        RtpLegStats a = call.a.stats();
        RtpLegStats b = call.b.stats();
        assertThat(a.packetsSent()).isEqualTo(500);
        assertThat(a.octetsSent()).isEqualTo(500 * 160);
        assertThat(b.packetsReceived()).isEqualTo(475);
        assertThat(b.octetsReceived()).isEqualTo(475 * 160);
        assertThat(b.cumulativeLost()).isEqualTo(25);
        assertThat(b.fractionLostPercent()).isBetween(3.5, 6.5);
        assertThat(b.jitterMillis()).as("constant 40 ms delay").isZero();
        assertThat(a.cumulativeLost()).isZero();
        assertThat(a.packetsReceived()).isEqualTo(500);

        assertThat(a.peerReport()).hasValueSatisfying(peer -> {
            assertThat(peer.cumulativeLost()).isEqualTo(25);
            assertThat(peer.fractionLostPercent()).isEqualTo(b.fractionLostPercent());
            assertThat(peer.jitterMillis()).isZero();
        });
        assertThat(a.roundTripMillis().orElseThrow()).isCloseTo(80.0, within(0.05));
        assertThat(b.roundTripMillis().orElseThrow()).isCloseTo(80.0, within(0.05));
        assertThat(a.remoteSsrc()).hasValue(0xB);
        assertThat(a.remoteCname()).contains("b@phone");
        assertThat(b.remoteCname()).contains("a@switchboard");
        assertThat(b.lastSenderReport()).isPresent();
        assertThat(call.reportsSent).as("about one report per side every 5 s").isBetween(2, 12);
    }

    @Test
    void fractionLostBeforeTheFirstReportCoversTheWholeReception() {
        RtcpSession b = session(0xB, "b", 2);
        byte[] packet = new byte[172];
        RtpView view = new RtpView();
        for (int i = 0; i < 100; i++) {
            if (i % 20 != 10) {
                RtpWriter.writeHeader(packet, 0, false, 0, i, 160L * i, 0xA);
                view.wrap(packet, 0, packet.length);
                b.onRtpReceived(view, 20L * i * MS);
            }
        }
        assertThat(b.stats().fractionLostPercent()).as("5 of 99 expected: 12/256").isEqualTo(12 * 100.0 / 256);
    }

    @Test
    void reportsAreScheduledWithinTheA7BoundsAndRandomised() {
        double c = RtcpInterval.COMPENSATION;
        RtcpSession a = new RtcpSession(0xA, "a", 8000, SESSION_BPS, new SplittableRandom(1), 7_000 * MS);
        RtcpSession other = new RtcpSession(0xA, "a", 8000, SESSION_BPS, new SplittableRandom(2), 7_000 * MS);

        assertThat(a.nextReportAt() - 7_000 * MS).isBetween((long) (0.5 * 2.5 / c * 1e9), (long) (1.5 * 2.5 / c * 1e9));
        assertThat(a.nextReportAt()).isNotEqualTo(other.nextReportAt());

        byte[] out = new byte[a.maxPacketLength()];
        long now = a.nextReportAt();
        for (int i = 0; i < 50; i++) {
            a.buildReport(now, WALL0, out);
            long gap = a.nextReportAt() - now;
            assertThat(gap).isBetween((long) (0.5 * 5 / c * 1e9), (long) (1.5 * 5 / c * 1e9));
            now = a.nextReportAt();
        }
    }

    @Test
    void byeEndsTheCompoundAndTellsThePeerWeLeft() {
        RtcpSession a = session(0xA, "a", 1);
        RtcpSession b = session(0xB, "b", 2);
        receive(b, 0xA, 1, 10, 0);
        byte[] out = new byte[a.maxPacketLength()];

        int n = a.bye(1000 * MS, WALL0, out, 0);

        assertThat(parse(out, n)).hasSize(3).last().isEqualTo(RtcpBye.of(0xA));
        b.onRtcpReceived(out, 0, n, 1000 * MS, WALL0);
        assertThat(b.remoteLeft()).isTrue();
        receive(b, 0xA, 11, 1, 1100);
        assertThat(b.remoteLeft()).as("it came back").isFalse();
    }

    @Test
    void aNewRemoteSsrcTakesOverAfterProbation() {
        RtcpSession a = session(0xA, "a", 1);
        receive(a, 1, 500, 50, 0);

        receive(a, 2, 9000, 1, 1000);
        assertThat(a.stats().remoteSsrc()).hasValue(1);
        receive(a, 2, 9001, 1, 1020);

        RtpLegStats stats = a.stats();
        assertThat(stats.remoteSsrc()).hasValue(2);
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.packetsReceived()).isEqualTo(52);
    }

    @Test
    void twoInterleavedSourcesDoNotMakeTheRemoteFlap() {
        RtcpSession a = session(0xA, "a", 1);
        for (int i = 0; i < 100; i++) {
            receive(a, 1, i, 1, 20L * i);
            receive(a, 3, 4000 + i, 1, 20L * i + 10);
            assertThat(a.stats().remoteSsrc()).hasValue(1);
        }
        assertThat(a.stats().cumulativeLost()).isZero();
    }

    @Test
    void theReceivePathAllocatesNothingPerPacket() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        RtcpSession session = session(0xA, "a", 1);
        RtpView view = new RtpView();
        byte[] packet = new byte[172];

        for (int round = 0; round < 2; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++) {
                int seq = round * 100_000 + i;
                RtpWriter.writeHeader(packet, 0, false, 0, seq, 160L * seq, 0xB);
                view.wrap(packet, 0, packet.length);
                session.onRtpReceived(view, seq * 20 * MS);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 1) {
                assertThat(allocated).as("bytes allocated for 100,000 packets").isLessThan(1024);
            }
        }
    }

    @Test
    void aSmallBufferOrABadCnameIsRefused() {
        RtcpSession a = session(0xA, "a", 1);
        assertThatThrownBy(() -> a.buildReport(0, WALL0, new byte[20])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no room");
        assertThatThrownBy(() -> session(0xA, "", 1)).hasMessageContaining("CNAME");
        assertThatThrownBy(() -> new RtcpSession(0xA, "a", 0, SESSION_BPS, new SplittableRandom(), 0))
                .hasMessageContaining("clock rate 0");
    }

    @Test
    void aFreshSessionHasEmptyStatistics() {
        RtpLegStats stats = session(0xA, "a", 1).stats();
        assertThat(stats.localSsrc()).isEqualTo(0xA);
        assertThat(stats.remoteSsrc()).isEmpty();
        assertThat(stats.packetsReceived()).isZero();
        assertThat(stats.roundTripMillis()).isEmpty();
        assertThat(stats.peerReport()).isEmpty();
        assertThat(stats.lastSenderReport()).isEmpty();
    }

    @Test
    void invalidRtpAndRtcpChangeNothing() {
        RtcpSession a = session(0xA, "a", 1);
        RtpView view = new RtpView();
        view.wrap(new byte[5], 0, 5);

        assertThat(a.onRtpReceived(view, 0)).isEqualTo(RtpSourceStats.Outcome.INVALID);
        assertThat(a.onRtcpReceived(new byte[] {1, 2, 3, 4}, 0, 4, 0, WALL0)).isInstanceOf(RtcpParseResult.Invalid.class);
        assertThat(a.stats()).isEqualTo(session(0xA, "a", 1).stats());
    }

    /**
     * Two legs' sessions, A (the server, 0xA) and B (a phone, 0xB), sending 20 ms packets both
     * ways over a path with 40 ms of delay each way; A's packets whose index matches
     * {@code lossAtoB} are lost. Reports are sent when due and delivered with the same delay.
     */
    private static final class Call {
        final RtcpSession a = new RtcpSession(0xA, "a@switchboard", 8000, SESSION_BPS, new SplittableRandom(11), 0);
        final RtcpSession b = new RtcpSession(0xB, "b@phone", 8000, SESSION_BPS, new SplittableRandom(12), 0);
        final IntPredicate lossAtoB;
        final PriorityQueue<Delivery> inFlight = new PriorityQueue<>();
        final RtpView view = new RtpView();
        int reportsSent;
        long order;

        record Delivery(long atMs, long order, RtcpSession to, byte[] bytes, boolean rtcp) implements Comparable<Delivery> {
            @Override
            public int compareTo(Delivery o) {
                return atMs != o.atMs ? Long.compare(atMs, o.atMs) : Long.compare(order, o.order);
            }
        }

        Call(IntPredicate lossAtoB) {
            this.lossAtoB = lossAtoB;
        }

        void run(long sendUntilMs, long runUntilMs) {
            for (long t = 0; t < runUntilMs; t++) {
                deliverDue(t);
                if (t % 20 == 0 && t < sendUntilMs) {
                    int i = (int) (t / 20);
                    sendRtp(a, 0xA, i, t, lossAtoB.test(i) ? null : b);
                    sendRtp(b, 0xB, i, t, a);
                }
                maybeReport(a, b, t);
                maybeReport(b, a, t);
            }
        }

        void exchangeFinalReports() {
            sendReport(b, a, 20_000);
            deliverDue(Long.MAX_VALUE);
        }

        private void sendRtp(RtcpSession from, long ssrc, int index, long t, RtcpSession to) {
            byte[] packet = new byte[172];
            int seq = 1000 + index;
            RtpWriter.writeHeader(packet, 0, false, 0, seq, 160L * seq, ssrc);
            from.onRtpSent(160, 160L * seq, t * MS);
            if (to != null) {
                inFlight.add(new Delivery(t + 40, order++, to, packet, false));
            }
        }

        private void maybeReport(RtcpSession from, RtcpSession to, long t) {
            if (t * MS >= from.nextReportAt()) {
                sendReport(from, to, t);
                reportsSent++;
            }
        }

        private void sendReport(RtcpSession from, RtcpSession to, long t) {
            byte[] out = new byte[from.maxPacketLength()];
            int n = from.buildReport(t * MS, WALL0 + t, out);
            inFlight.add(new Delivery(t + 40, order++, to, Arrays.copyOf(out, n), true));
        }

        private void deliverDue(long t) {
            while (!inFlight.isEmpty() && inFlight.peek().atMs() <= t) {
                Delivery d = inFlight.poll();
                if (d.rtcp()) {
                    RtcpParseResult result = d.to().onRtcpReceived(d.bytes(), 0, d.bytes().length, d.atMs() * MS, WALL0 + d.atMs());
                    assertThat(result).isInstanceOf(RtcpParseResult.Parsed.class);
                } else {
                    view.wrap(d.bytes(), 0, d.bytes().length);
                    d.to().onRtpReceived(view, d.atMs() * MS);
                }
            }
        }
    }
}
