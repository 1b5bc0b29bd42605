package org.switchboard.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.media.rtp.NtpTime;
import org.switchboard.media.rtp.RtcpReceiverReport;
import org.switchboard.media.rtp.RtcpReportBlock;
import org.switchboard.media.rtp.RtcpSenderInfo;
import org.switchboard.media.rtp.RtcpSenderReport;

/**
 * A relayed leg's figures from synthetic streams on a virtual clock: 8 kHz, 20 ms packets
 * (160 timestamp units) arriving every 20 ms unless a test says otherwise.
 */
class QualityWatchTest {

    private static final long MS = 1_000_000L;
    private static final long PHONE = 0xA11CEL;
    private static final long FAR_PHONE = 0xB0BL;
    private static final long WALL = 1_780_000_000_000L;
    private static final MediaStats COUNTERS = new MediaStats("leg", new PortPair(20_000), 0, 0, 0, 0, 0, 0,
            Optional.<InetSocketAddress>empty(), Optional.empty(), false, Optional.empty());

    private final QualityWatch watch = new QualityWatch();
    private final QualityWatch partner = new QualityWatch();

    /** Packet {@code i} of the phone's stream, sent at i × 20 ms and arriving {@code delayMs} later. */
    private static void packet(QualityWatch w, long ssrc, int i, double delayMs) {
        w.onRtp(0, (1000 + i) & 0xFFFF, 8000 + 160L * i, ssrc, 1_000 * MS + i * 20 * MS + (long) (delayMs * MS));
    }

    private LegQuality quality() {
        return watch.quality(COUNTERS);
    }

    @Test
    void aSteadyStreamLosesNothingAndHasNoJitter() {
        watch.format(0, 8000);
        for (int i = 0; i < 250; i++) packet(watch, PHONE, i, 3);

        LegQuality q = quality();
        assertThat(q.mode()).isEqualTo(LegQuality.Mode.RELAYED);
        assertThat(q.packetsLost()).isZero();
        assertThat(q.lossPercent()).isZero();
        assertThat(q.jitterMillis()).hasValue(0.0);
        assertThat(q.roundTripMillis()).isEmpty();
        assertThat(q.phoneReport()).isEmpty();
        assertThat(q.counters()).isSameAs(COUNTERS);
    }

    @Test
    void oneLostPacketInTwentyShowsAsFivePercent() {
        watch.format(0, 8000);
        for (int i = 0; i < 200; i++) {
            if (i % 20 != 7) packet(watch, PHONE, i, 0);
        }

        LegQuality q = quality();
        assertThat(q.packetsLost()).isEqualTo(10);
        assertThat(q.lossPercent()).as("since the start, before the first interval ends").isCloseTo(5.0, within(0.4));
    }

    @Test
    void theLossPercentageCoversTheLastIntervalOnly() {
        watch.format(0, 8000);
        // 0-5 s: every tenth packet lost; then a clean interval, which ends with the packet at 10 s
        for (int i = 0; i <= 500; i++) {
            if (i >= 250 || i % 10 != 5) packet(watch, PHONE, i, 0);
        }

        assertThat(quality().packetsLost()).isEqualTo(25);
        assertThat(quality().lossPercent()).as("the clean interval that ended last").isZero();
    }

    @Test
    void alternatingDelayShowsAsJitterInMilliseconds() {
        watch.format(0, 8000);
        for (int i = 0; i < 400; i++) packet(watch, PHONE, i, (i % 2) * 10);

        assertThat(quality().jitterMillis().orElseThrow()).as("A.8 converges to |D| = 10 ms").isCloseTo(10.0, within(0.5));
    }

    @Test
    void keyPressEventsCountForLossButNotForJitter() {
        watch.format(0, 8000);
        for (int i = 0; i < 100; i++) packet(watch, PHONE, i, 0);
        // an RFC 4733 event, payload type 101: every packet carries the event's start time
        for (int i = 100; i < 110; i++) {
            watch.onRtp(101, 1000 + i, 8000 + 160L * 100, PHONE, 1_000 * MS + i * 20 * MS);
        }
        for (int i = 110; i < 200; i++) packet(watch, PHONE, i, 0);

        assertThat(quality().jitterMillis()).hasValue(0.0);
        assertThat(quality().packetsLost()).isZero();
    }

    @Test
    void withoutAKnownClockRateJitterIsNotShownButLossIs() {
        for (int i = 0; i < 100; i++) {
            if (i != 50) packet(watch, PHONE, i, (i % 2) * 10);
        }

        assertThat(quality().jitterMillis()).isEmpty();
        assertThat(quality().packetsLost()).isEqualTo(1);
    }

    @Test
    void aNewSourceTakesOverAfterTwoPacketsInARowAndAStrayDoesNot() {
        watch.format(0, 8000);
        for (int i = 0; i < 50; i++) {
            if (i != 10) packet(watch, PHONE, i, 0);
        }
        packet(watch, 0xDEAD, 500, 0);
        packet(watch, PHONE, 50, 0);
        assertThat(quality().packetsLost()).as("the stray changed nothing").isEqualTo(1);

        for (int i = 0; i < 50; i++) packet(watch, 0xFEED, 3000 + i, 0);

        assertThat(quality().packetsLost()).as("the new source lost nothing").isZero();
    }

    @Test
    void thePhonesReportAboutTheOtherPhonesStreamIsShown() {
        watch.format(0, 8000);
        for (int i = 0; i < 10; i++) packet(partner, FAR_PHONE, i, 0);
        // a block about a stale source first, then the one about what it gets from the other phone
        byte[] rr = rtcp(new RtcpReceiverReport(PHONE, List.of(
                new RtcpReportBlock(0x0DD, 128, 99, 1, 800, 0, 0),
                new RtcpReportBlock(FAR_PHONE, 64, 12, 1009, 240, 0, 0))));

        watch.onRtcp(rr, 0, rr.length, 2_000 * MS, WALL, partner);

        LegQuality.PhoneReport report = quality().phoneReport().orElseThrow();
        assertThat(report.lossPercent()).isEqualTo(25.0);
        assertThat(report.packetsLost()).isEqualTo(12);
        assertThat(report.jitterMillis()).hasValue(30.0);
        assertThat(report.receivedAt()).isEqualTo(Instant.ofEpochMilli(WALL));
        assertThat(quality().roundTripMillis()).as("the block echoes no SR").isEmpty();
    }

    @Test
    void theRoundTripToThePhoneComesFromTheOtherPhonesRelayedSenderReport() {
        long ntp = NtpTime.fromUnixMillis(WALL);
        byte[] sr = rtcp(new RtcpSenderReport(FAR_PHONE, new RtcpSenderInfo(ntp, 1234, 10, 1600), List.of()));
        // the other phone's SR passes the partner leg at t = 10 s, towards this leg's phone
        partner.onRtcp(sr, 0, sr.length, 10_000 * MS, WALL, watch);
        for (int i = 0; i < 5; i++) packet(partner, FAR_PHONE, i, 0);

        // the phone holds it 1.5 s (DLSR in 1/65536 s), its RR reaches us 1.5 s + 42 ms later
        byte[] rr = rtcp(new RtcpReceiverReport(PHONE, List.of(
                new RtcpReportBlock(FAR_PHONE, 0, 0, 1004, 8, NtpTime.middle32(ntp), 98_304))));
        watch.onRtcp(rr, 0, rr.length, 11_542 * MS, WALL + 1_542, partner);

        assertThat(quality().roundTripMillis().orElseThrow()).isCloseTo(42.0, within(0.01));
        assertThat(partner.quality(COUNTERS).roundTripMillis()).as("the partner's phone echoed nothing").isEmpty();
    }

    @Test
    void aReportEchoingAnSrWeNeverRelayedGivesNoRoundTrip() {
        byte[] rr = rtcp(new RtcpReceiverReport(PHONE, List.of(
                new RtcpReportBlock(FAR_PHONE, 0, 0, 1004, 8, 0x1234_5678L, 100))));
        watch.onRtcp(rr, 0, rr.length, 11_000 * MS, WALL, null);

        assertThat(quality().roundTripMillis()).isEmpty();
        assertThat(quality().phoneReport()).as("without a partner the first block is the phone's report").isPresent();
    }

    @Test
    void invalidRtcpChangesNothing() {
        byte[] junk = {(byte) 0x80, (byte) 201, 0, 9, 1, 2, 3, 4};
        watch.onRtcp(junk, 0, junk.length, 1, WALL, partner);
        byte[] truncated = {(byte) 0x80};
        watch.onRtp(truncated, 0, truncated.length, 1);

        assertThat(quality().phoneReport()).isEmpty();
        assertThat(quality().packetsLost()).isZero();
    }

    @Test
    void headerFieldsAreReadFromAPacketsBytes() {
        watch.format(8, 8000);
        for (int i = 0; i < 20; i++) {
            if (i == 9) continue;
            long ts = 160L * i;
            byte[] p = {(byte) 0x80, 8, (byte) (i >> 8), (byte) i, (byte) (ts >> 24), (byte) (ts >> 16), (byte) (ts >> 8),
                    (byte) ts, 0, 0, 0x12, 0x34, 1, 2, 3};
            watch.onRtp(p, 0, p.length, i * 20 * MS);
        }

        assertThat(quality().packetsLost()).isEqualTo(1);
        assertThat(quality().jitterMillis()).hasValue(0.0);
    }

    @Test
    void aFormatOutOfRangeIsRefused() {
        assertThatThrownBy(() -> watch.format(128, 8000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload type 128");
        assertThatThrownBy(() -> watch.format(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 Hz");
    }

    private static byte[] rtcp(org.switchboard.media.rtp.RtcpPacket packet) {
        byte[] out = new byte[packet.length()];
        packet.writeTo(out, 0);
        return out;
    }
}
