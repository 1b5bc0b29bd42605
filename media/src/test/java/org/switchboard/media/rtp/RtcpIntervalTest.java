package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtcpIntervalTest {

    /** 5% of 64 kbit/s G.711 plus headers (80 kbit/s): 500 bytes/s. */
    private static final double VOICE_RTCP = 80_000 * 0.05 / 8;

    @Test
    void aTwoPartyVoiceCallReportsEveryFiveSecondsOnAverage() {
        assertThat(RtcpInterval.deterministicSeconds(2, 2, VOICE_RTCP, true, 120, false)).isEqualTo(5.0);
        assertThat(RtcpInterval.deterministicSeconds(2, 0, VOICE_RTCP, false, 120, false)).isEqualTo(5.0);
        assertThat(RtcpInterval.deterministicSeconds(2, 2, VOICE_RTCP, true, 120, true)).isEqualTo(2.5);
    }

    @Test
    void aLargeSessionStretchesTheIntervalToKeepRtcpAtFivePercent() {
        // 100 receivers, no sender: 3/4 of 500 B/s shared by 100 members of 150 bytes.
        assertThat(RtcpInterval.deterministicSeconds(100, 0, VOICE_RTCP, false, 150, false))
                .isCloseTo(150.0 * 100 / (VOICE_RTCP * 0.75), within(1e-9));
        // one sender among 100 members gets a quarter of the bandwidth to itself.
        assertThat(RtcpInterval.deterministicSeconds(100, 1, VOICE_RTCP, true, 150, false)).isEqualTo(5.0);
        assertThat(RtcpInterval.deterministicSeconds(100, 1, 20, true, 150, false))
                .isCloseTo(150.0 / (20 * 0.25), within(1e-9));
    }

    @Test
    void theRandomisedIntervalSpansHalfToOneAndAHalfTimesTdCompensated() {
        SplittableRandom random = new SplittableRandom(42);
        double low = 0.5 * 5 / RtcpInterval.COMPENSATION;
        double high = 1.5 * 5 / RtcpInterval.COMPENSATION;
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            double t = RtcpInterval.seconds(2, 2, VOICE_RTCP, true, 120, false, random);
            assertThat(t).isBetween(low, high);
            min = Math.min(min, t);
            max = Math.max(max, t);
            sum += t;
        }

        assertThat(low).isCloseTo(2.052, within(0.001));
        assertThat(high).isCloseTo(6.157, within(0.001));
        assertThat(min).as("uses the low end").isLessThan(low + 0.01);
        assertThat(max).as("uses the high end").isGreaterThan(high - 0.01);
        assertThat(sum / n).isCloseTo(5 / RtcpInterval.COMPENSATION, within(0.05));
    }

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        long a = RtcpInterval.nanos(2, 1, VOICE_RTCP, true, 120, true, new SplittableRandom(1));
        long b = RtcpInterval.nanos(2, 1, VOICE_RTCP, true, 120, true, new SplittableRandom(1));
        long c = RtcpInterval.nanos(2, 1, VOICE_RTCP, true, 120, true, new SplittableRandom(2));

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(a).isBetween((long) (0.5 * 2.5 / RtcpInterval.COMPENSATION * 1e9),
                (long) (1.5 * 2.5 / RtcpInterval.COMPENSATION * 1e9));
    }
}
