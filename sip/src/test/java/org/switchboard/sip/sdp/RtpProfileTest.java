package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtpProfileTest {

    @Test
    void namesTheRtpProfilesAndTheirSecureTwins() {
        assertThat(RtpProfile.of("rtp/savp")).contains(RtpProfile.SAVP);
        assertThat(RtpProfile.of("UDP/TLS/RTP/SAVPF")).isEmpty();
        assertThat(RtpProfile.SAVPF.plain()).isEqualTo(RtpProfile.AVPF);
        assertThat(RtpProfile.AVP.secured().proto()).isEqualTo("RTP/SAVP");
        assertThat(RtpProfile.SAVP.secure()).isTrue();
        assertThat(RtpProfile.AVPF.secure()).isFalse();
    }

    @Test
    void readsTheProfileOfAMediaDescription() {
        assertThat(RtpProfile.of(MediaDescription.of("audio", 5004, "RTP/AVPF", List.of("0")))).contains(RtpProfile.AVPF);
        assertThat(RtpProfile.of(MediaDescription.of("image", 5004, "udptl", List.of("t38")))).isEmpty();
    }
}
