package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpTimestampTest {

    @Test
    void timestampsWrapAt2To32() {
        assertThat(RtpTimestamp.add(0xFFFF_FF60L, 160)).isZero();
        assertThat(RtpTimestamp.delta(0, 0xFFFF_FF60L)).isEqualTo(160);
        assertThat(RtpTimestamp.isLater(80, 0xFFFF_FFF0L)).isTrue();
        assertThat(RtpTimestamp.compare(0xFFFF_FFF0L, 80)).isNegative();
        assertThat(RtpTimestamp.compare(5, 5)).isZero();
    }

    @Test
    void nanosecondsBecomeClockUnits() {
        assertThat(RtpTimestamp.unitsOfNanos(1_000_000_000L, 8000)).isEqualTo(8000);
        assertThat(RtpTimestamp.unitsOfNanos(20_000_000L, 8000)).isEqualTo(160);
        assertThat(RtpTimestamp.unitsOfNanos(20_000_000L, 48000)).isEqualTo(960);
        assertThat(RtpTimestamp.unitsOfNanos(-20_000_000L, 8000)).isEqualTo(-160);
    }

    @Test
    void differencesStayExactAtAnyOriginOfTheMonotonicClock() {
        for (long origin : new long[] {0, Long.MAX_VALUE - 5_000_000_000L, Long.MIN_VALUE + 1, 123_456_789_012_345L}) {
            int a = RtpTimestamp.unitsOfNanos(origin, 48000);
            int b = RtpTimestamp.unitsOfNanos(origin + 1_000_000_000L, 48000);
            assertThat(b - a).as("origin %d", origin).isEqualTo(48000);
        }
    }
}
