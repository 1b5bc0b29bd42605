package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Synthetic 8 kHz streams of 20 ms packets (160 timestamp units), arrival in timestamp units
 * unless a test says otherwise.
 */
class RtpSourceStatsTest {

    private final RtpSourceStats stats = new RtpSourceStats(0x1234, 8000);

    private RtpSourceStats.Outcome feed(int seq, int index, int delay) {
        return stats.update(seq, 5000 + 160L * index, 160 * index + delay);
    }

    @Test
    void anInOrderStreamLosesNothingAfterItsProbationPacket() {
        assertThat(feed(1000, 0, 0)).isEqualTo(RtpSourceStats.Outcome.PROBATION);
        assertThat(stats.isValid()).isFalse();
        for (int i = 1; i < 500; i++) {
            assertThat(feed(1000 + i, i, 0)).isEqualTo(RtpSourceStats.Outcome.ACCEPTED);
        }

        assertThat(stats.isValid()).isTrue();
        assertThat(stats.received()).isEqualTo(499);
        assertThat(stats.expected()).isEqualTo(499);
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.extendedHighestSequence()).isEqualTo(1499);
        RtcpReportBlock block = stats.reportBlock(0);
        assertThat(block.fractionLost()).isZero();
        assertThat(block.cumulativeLost()).isZero();
        assertThat(block.ssrc()).isEqualTo(0x1234);
    }

    @Test
    void fivePercentLossIsCountedExactlyPerInterval() {
        feed(0, 0, 0);
        for (int seq = 1; seq <= 2000; seq++) {
            if (seq % 20 != 10) {
                feed(seq, seq, 0);
            }
        }

        assertThat(stats.expected()).isEqualTo(2000);
        assertThat(stats.received()).isEqualTo(1900);
        RtcpReportBlock first = stats.reportBlock(0);
        assertThat(first.cumulativeLost()).isEqualTo(100);
        assertThat(first.fractionLost()).as("100/2000 in 1/256").isEqualTo(100 * 256 / 2000);
        assertThat(first.fractionLostPercent()).isEqualTo(12 * 100.0 / 256);
        assertThat(stats.lastFractionLost()).isEqualTo(12);

        for (int seq = 2001; seq <= 2100; seq++) {
            feed(seq, seq, 0);
        }
        RtcpReportBlock second = stats.reportBlock(0);
        assertThat(second.fractionLost()).as("no loss in the second interval").isZero();
        assertThat(second.cumulativeLost()).isEqualTo(100);
    }

    @Test
    void reorderedPacketsAreLateNotLost() {
        feed(0, 0, 0);
        feed(1, 1, 0);
        for (int seq = 2; seq < 100; seq += 2) {
            assertThat(feed(seq + 1, seq + 1, 0)).isEqualTo(RtpSourceStats.Outcome.ACCEPTED);
            assertThat(feed(seq, seq, 0)).isEqualTo(RtpSourceStats.Outcome.LATE);
        }

        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.reportBlock(0).fractionLost()).isZero();
        assertThat(stats.extendedHighestSequence()).isEqualTo(99);
    }

    @Test
    void duplicatesAreCountedAndMakeCumulativeLossNegative() {
        feed(0, 0, 0);
        for (int seq = 1; seq <= 100; seq++) {
            feed(seq, seq, 0);
            if (seq % 10 == 0) {
                assertThat(feed(seq, seq, 0)).isEqualTo(RtpSourceStats.Outcome.LATE);
            }
        }

        assertThat(stats.received()).isEqualTo(110);
        RtcpReportBlock block = stats.reportBlock(0);
        assertThat(block.cumulativeLost()).isEqualTo(-10);
        assertThat(block.fractionLost()).as("negative interval loss reports 0").isZero();
    }

    @Test
    void sequenceNumbersWrapAt65535IntoANewCycle() {
        for (int i = 0; i < 2000; i++) {
            feed((65000 + i) & 0xFFFF, i, 0);
        }

        assertThat(stats.extendedHighestSequence()).isEqualTo(65536 + ((65000 + 1999) & 0xFFFF));
        assertThat(stats.expected()).isEqualTo(1999);
        assertThat(stats.cumulativeLost()).isZero();
    }

    @Test
    void aLargeJumpFollowedInSequenceRestartsTheStatistics() {
        feed(100, 0, 0);
        for (int i = 1; i < 50; i++) {
            feed(100 + i, i, 0);
        }
        feed(151, 51, 0);

        assertThat(feed(30_000, 52, 0)).isEqualTo(RtpSourceStats.Outcome.BAD_SEQUENCE);
        assertThat(feed(30_001, 53, 0)).isEqualTo(RtpSourceStats.Outcome.RESTARTED);
        assertThat(feed(30_002, 54, 0)).isEqualTo(RtpSourceStats.Outcome.ACCEPTED);

        assertThat(stats.received()).isEqualTo(2);
        assertThat(stats.expected()).isEqualTo(2);
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.extendedHighestSequence()).isEqualTo(30_002);
    }

    @Test
    void aSingleStrayJumpIsIgnored() {
        feed(100, 0, 0);
        for (int i = 1; i < 50; i++) {
            feed(100 + i, i, 0);
        }

        assertThat(feed(40_000, 50, 0)).isEqualTo(RtpSourceStats.Outcome.BAD_SEQUENCE);
        assertThat(feed(150, 50, 0)).isEqualTo(RtpSourceStats.Outcome.ACCEPTED);

        assertThat(stats.expected()).isEqualTo(50);
        assertThat(stats.received()).isEqualTo(50);
    }

    @Test
    void probationNeedsConsecutivePackets() {
        assertThat(feed(10, 0, 0)).isEqualTo(RtpSourceStats.Outcome.PROBATION);
        assertThat(feed(500, 1, 0)).isEqualTo(RtpSourceStats.Outcome.PROBATION);
        assertThat(feed(501, 2, 0)).isEqualTo(RtpSourceStats.Outcome.ACCEPTED);
        assertThat(stats.received()).isEqualTo(1);
        assertThat(stats.expected()).isEqualTo(1);
    }

    @Test
    void cumulativeLossIsClampedToTwentyFourSignedBits() {
        int seq = 0;
        feed(seq, 0, 0);
        feed(++seq, 1, 0);
        for (int i = 0; i < 3000; i++) {
            seq = (seq + RtpSourceStats.MAX_DROPOUT - 1) & 0xFFFF;
            assertThat(feed(seq, i + 2, 0).counted()).isTrue();
        }

        assertThat(stats.expected() - stats.received()).isGreaterThan(RtcpReportBlock.MAX_CUMULATIVE_LOST);
        RtcpReportBlock block = stats.reportBlock(0);
        assertThat(block.cumulativeLost()).isEqualTo(0x7F_FFFF);
        assertThat(block.fractionLost()).isEqualTo(255);
    }

    @Test
    void aConstantDelayHasNoJitter() {
        for (int i = 0; i < 300; i++) {
            feed(i, i, 1234);
        }
        assertThat(stats.jitter()).isZero();
        assertThat(stats.jitterMillis()).isZero();
    }

    @Test
    void alternatingDelayConvergesToTheA8Estimate() {
        double reference = 0;
        for (int i = 0; i < 400; i++) {
            feed(i, i, i % 2 == 0 ? 0 : 80);
            if (i >= 2) {
                reference += (80 - reference) / 16;
            }
            assertThat((double) stats.jitter()).as("packet %d", i).isCloseTo(reference, within(1.0));
        }

        assertThat(stats.jitter()).isEqualTo(80);
        assertThat(stats.jitterMillis()).isEqualTo(10.0);
        assertThat(stats.reportBlock(0).jitter()).isEqualTo(80);
    }

    @Test
    void arrivalInNanosecondsGivesTheSameJitterAtAnyClockRate() {
        RtpSourceStats wideband = new RtpSourceStats(7, 48000);
        long origin = 987_654_321_000_000L;
        for (int i = 0; i < 400; i++) {
            long arrival = origin + i * 20_000_000L + (i % 2 == 0 ? 0 : 5_000_000L);
            wideband.updateAtNanos(i, 960L * i, arrival);
        }

        assertThat(wideband.jitter()).isEqualTo(240);
        assertThat(wideband.jitterMillis()).isEqualTo(5.0);
    }

    @Test
    void aReportBlockEchoesTheLastSenderReportWithItsDelay() {
        feed(0, 0, 0);
        feed(1, 1, 0);
        long ntp = 0xE95C0A3B_80000000L;
        stats.onSenderReport(ntp, 10_000_000_000L);

        RtcpReportBlock block = stats.reportBlock(11_500_000_000L);

        assertThat(block.lastSenderReport()).isEqualTo(0x0A3B8000L);
        assertThat(block.delaySinceLastSenderReport()).as("1.5 s in 1/65536 s").isEqualTo(98_304);
    }

    @Test
    void withoutASenderReportLsrAndDlsrAreZero() {
        feed(0, 0, 0);
        feed(1, 1, 0);
        RtcpReportBlock block = stats.reportBlock(5_000_000_000L);
        assertThat(block.lastSenderReport()).isZero();
        assertThat(block.delaySinceLastSenderReport()).isZero();
    }

    @Test
    void resetStartsOverForANewSource() {
        for (int i = 0; i < 10; i++) {
            feed(i, i, i * 7);
        }
        stats.reset(0xFFFF_FFFFL);

        assertThat(stats.ssrc()).isEqualTo(0xFFFF_FFFFL);
        assertThat(stats.isValid()).isFalse();
        assertThat(stats.received()).isZero();
        assertThat(stats.jitter()).isZero();
        assertThat(feed(9000, 0, 0)).isEqualTo(RtpSourceStats.Outcome.PROBATION);
    }

    @Test
    void countingTheSequenceAloneCountsLossButLeavesJitterAlone() {
        feed(0, 0, 0);
        feed(1, 1, 0);
        for (int seq = 2; seq <= 40; seq++) {
            if (seq == 20) continue;
            // an RFC 4733 event: its timestamp stays put while arrival moves on
            assertThat(stats.countSequence(seq)).isEqualTo(RtpSourceStats.Outcome.ACCEPTED);
        }
        feed(41, 41, 0);

        assertThat(stats.cumulativeLost()).isEqualTo(1);
        assertThat(stats.expected()).isEqualTo(41);
        assertThat(stats.jitter()).as("the voice packets either side arrived on time").isZero();
    }

    @Test
    void resettingTheJitterKeepsTheLossFigures() {
        for (int i = 0; i < 50; i++) {
            if (i != 25) feed(i, i, (i % 2) * 160);
        }
        assertThat(stats.jitter()).isPositive();

        stats.resetJitter();

        assertThat(stats.jitter()).isZero();
        assertThat(stats.cumulativeLost()).isEqualTo(1);
        feed(50, 50, 1_000_000);
        assertThat(stats.jitter()).as("the first packet after a reset only sets the transit time").isZero();
    }
}
