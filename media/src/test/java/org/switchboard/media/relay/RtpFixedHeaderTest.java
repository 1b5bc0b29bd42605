package org.switchboard.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpFixedHeaderTest {

    @Test
    void versionTwoWithAFullHeaderPasses() {
        assertThat(RtpFixedHeader.plausibleRtp(0x80, 172)).isTrue();
        assertThat(RtpFixedHeader.plausibleRtp(0x90, 12)).as("extension bit").isTrue();
        assertThat(RtpFixedHeader.plausibleRtcp(0x81, 8)).isTrue();
    }

    @Test
    void stunShortAndOtherVersionsFail() {
        assertThat(RtpFixedHeader.plausibleRtp(0x00, 20)).as("STUN binding request").isFalse();
        assertThat(RtpFixedHeader.plausibleRtp(0x80, 11)).isFalse();
        assertThat(RtpFixedHeader.plausibleRtp(0x40, 172)).as("version 1").isFalse();
        assertThat(RtpFixedHeader.plausibleRtcp(0x80, 7)).isFalse();
    }

    @Test
    void shortMuxedRtcpIsAcceptedOnTheRtpPortButShortRtpIsNot() {
        assertThat(RtpFixedHeader.plausibleOnRtpPort(0x80, 201, 8)).as("empty receiver report").isTrue();
        assertThat(RtpFixedHeader.plausibleOnRtpPort(0x80, 0, 8)).isFalse();
        assertThat(RtpFixedHeader.plausibleOnRtpPort(0x80, 0, 172)).isTrue();
    }
}
