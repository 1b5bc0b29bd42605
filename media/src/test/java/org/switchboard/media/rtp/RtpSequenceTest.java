package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpSequenceTest {

    @Test
    void zeroFollows65535() {
        assertThat(RtpSequence.next(65535)).isZero();
        assertThat(RtpSequence.delta(0, 65535)).isEqualTo(1);
        assertThat(RtpSequence.delta(65535, 0)).isEqualTo(-1);
        assertThat(RtpSequence.isNewer(2, 65530)).isTrue();
        assertThat(RtpSequence.compare(65530, 2)).isNegative();
    }

    @Test
    void newerMeansLessThanHalfTheSpaceAhead() {
        assertThat(RtpSequence.compare(100, 100)).isZero();
        assertThat(RtpSequence.isNewer(100 + 32767, 100)).isTrue();
        assertThat(RtpSequence.isNewer(100 + 32769, 100)).isFalse();
        assertThat(RtpSequence.delta(40000, 0)).isEqualTo(40000 - 65536);
    }

    @Test
    void addWrapsBothWays() {
        assertThat(RtpSequence.add(65530, 10)).isEqualTo(4);
        assertThat(RtpSequence.add(4, -10)).isEqualTo(65530);
    }
}
