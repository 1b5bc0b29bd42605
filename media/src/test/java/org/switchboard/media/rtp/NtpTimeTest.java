package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NtpTimeTest {

    @Test
    void theUnixEpochIs2208988800NtpSeconds() {
        assertThat(NtpTime.fromUnixMillis(0)).isEqualTo(2_208_988_800L << 32);
        assertThat(NtpTime.fromUnixMillis(500) & 0xFFFF_FFFFL).isEqualTo(0x8000_0000L);
        assertThat(NtpTime.toUnixMillis(NtpTime.fromUnixMillis(1_750_000_123_456L))).isEqualTo(1_750_000_123_456L);
    }

    @Test
    void timesAfterTheEraWrapOf2036RoundTrip() {
        long year2040 = 2_208_988_800_000L;
        long ntp = NtpTime.fromUnixMillis(year2040);

        assertThat(ntp >>> 32).as("seconds wrapped into era 1").isLessThan(0x8000_0000L);
        assertThat(NtpTime.toUnixMillis(ntp)).isEqualTo(year2040);
    }

    @Test
    void theCompactFormIsTheMiddle32Bits() {
        assertThat(NtpTime.middle32(0xE95C0A3B_80000000L)).isEqualTo(0x0A3B8000L);
        assertThat(NtpTime.compactOfUnixMillis(250) & 0xFFFF).isEqualTo(0x4000);
        assertThat(NtpTime.compactOfNanos(1_500_000_000L)).isEqualTo(98_304);
        assertThat(NtpTime.compactOfNanos(-5)).isZero();
        assertThat(NtpTime.compactOfNanos(Long.MAX_VALUE)).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void roundTripOfTheRfc3550Example() {
        // RFC 3550 §6.4.1 figure: A = 0xb710:8000 (46864.500 s), LSR = 0xb705:2000 (46853.125 s),
        // DLSR = 0x0005:4000 (5.250 s): delay 6.125 s.
        assertThat(NtpTime.roundTripMillis(0xB7108000L, 0xB7052000L, 0x00054000L)).hasValue(6125.0);
    }

    @Test
    void noRoundTripWithoutAnSrOrWhenTheClockWentBack() {
        assertThat(NtpTime.roundTripMillis(0xB7108000L, 0, 0)).isEmpty();
        assertThat(NtpTime.roundTripMillis(0xB7050000L, 0xB7052000L, 0)).isEmpty();
        assertThat(NtpTime.roundTripMillis(0x00001000L, 0xFFFFF000L, 0)).as("across the wrap: 0x2000 units").hasValue(125.0);
    }
}
