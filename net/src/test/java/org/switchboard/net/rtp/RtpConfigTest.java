package org.switchboard.net.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.switchboard.media.relay.MediaConfig;

class RtpConfigTest {

    @Test
    void defaultsBindAllInterfacesWithVoiceMarking() {
        RtpConfig c = RtpConfig.defaults();
        assertThat(c.bindAddress().isAnyLocalAddress()).isTrue();
        assertThat(c.ipTos()).isEqualTo(0xB8);
        assertThat(c.maxPacketSize()).isEqualTo(2_048);
        assertThat(c.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.media()).isEqualTo(MediaConfig.defaults());
    }

    @Test
    void invalidValuesNameTheField() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        MediaConfig m = MediaConfig.defaults();
        assertThatThrownBy(() -> new RtpConfig(lo, -1, 0, 2048, m)).hasMessageContaining("ioThreads");
        assertThatThrownBy(() -> new RtpConfig(lo, 1, 256, 2048, m)).hasMessageContaining("ipTos");
        assertThatThrownBy(() -> new RtpConfig(lo, 1, 0, 100, m)).hasMessageContaining("maxPacketSize");
    }
}
