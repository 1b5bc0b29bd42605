package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtcpMuxTest {

    private static RtcpMux.Kind kind(String hex, int length) {
        byte[] start = Hex.bytes(hex);
        byte[] datagram = java.util.Arrays.copyOf(start, length);
        return RtcpMux.classify(datagram, 0, datagram.length);
    }

    @Test
    void rtcpPacketTypesInTheSecondOctetMeanRtcp() {
        assertThat(kind("80 c8", 28)).isEqualTo(RtcpMux.Kind.RTCP);
        assertThat(kind("81 c9", 32)).isEqualTo(RtcpMux.Kind.RTCP);
        assertThat(kind("81 ce", 12)).isEqualTo(RtcpMux.Kind.RTCP);
        assertThat(kind("81 cb", 8)).isEqualTo(RtcpMux.Kind.RTCP);
    }

    @Test
    void audioPayloadTypesMeanRtpWithOrWithoutMarker() {
        assertThat(kind("80 00", 172)).isEqualTo(RtcpMux.Kind.RTP);
        assertThat(kind("80 08", 172)).isEqualTo(RtcpMux.Kind.RTP);
        assertThat(kind("80 e0", 100)).as("PT 96 with marker: 224").isEqualTo(RtcpMux.Kind.RTP);
        assertThat(kind("80 65", 16)).as("telephone-event PT 101").isEqualTo(RtcpMux.Kind.RTP);
        assertThat(kind("80 bf", 12)).as("PT 63 with marker: 191").isEqualTo(RtcpMux.Kind.RTP);
    }

    @Test
    void stunAndDtlsAreToldApartByTheFirstOctet() {
        assertThat(kind("00 01", 20)).as("STUN binding request").isEqualTo(RtcpMux.Kind.STUN);
        assertThat(kind("16 fe", 100)).as("DTLS handshake").isEqualTo(RtcpMux.Kind.DTLS);
        assertThat(kind("17 fe", 13)).as("DTLS application data").isEqualTo(RtcpMux.Kind.DTLS);
    }

    @Test
    void shortOrForeignDatagramsAreUnknown() {
        assertThat(kind("80 00", 11)).isEqualTo(RtcpMux.Kind.UNKNOWN);
        assertThat(kind("80 c9", 4)).isEqualTo(RtcpMux.Kind.UNKNOWN);
        assertThat(kind("00 01", 19)).isEqualTo(RtcpMux.Kind.UNKNOWN);
        assertThat(kind("40 00", 172)).as("RTP version 1").isEqualTo(RtcpMux.Kind.UNKNOWN);
        assertThat(kind("c0 00", 172)).as("version 3").isEqualTo(RtcpMux.Kind.UNKNOWN);
        assertThat(RtcpMux.classify(new byte[1], 0, 1)).isEqualTo(RtcpMux.Kind.UNKNOWN);
        assertThat(RtcpMux.classify(null, 0, 0)).isEqualTo(RtcpMux.Kind.UNKNOWN);
        assertThat(RtcpMux.classify(new byte[20], 10, 20)).isEqualTo(RtcpMux.Kind.UNKNOWN);
    }

    @Test
    void theRtcpRangeIs192To223() {
        assertThat(RtcpMux.isRtcpType(191)).isFalse();
        assertThat(RtcpMux.isRtcpType(192)).isTrue();
        assertThat(RtcpMux.isRtcpType(223)).isTrue();
        assertThat(RtcpMux.isRtcpType(224)).isFalse();
    }
}
