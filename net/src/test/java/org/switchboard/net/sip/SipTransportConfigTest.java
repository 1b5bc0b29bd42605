package org.switchboard.net.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.transport.Transport;

class SipTransportConfigTest {

    @Test
    void defaultsMatchTheDocumentedValues() {
        SipTransportConfig c = SipTransportConfig.defaults();
        assertThat(c.bindAddress()).isEqualTo(InetAddress.ofLiteral("0.0.0.0"));
        assertThat(c.sipPort()).isEqualTo(5060);
        assertThat(c.tlsPort()).isEqualTo(5061);
        assertThat(c.transports()).containsExactlyInAnyOrder(Transport.UDP, Transport.TCP);
        assertThat(c.maxMessageSize()).isEqualTo(65_535);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(3_900));
        assertThat(c.firstMessageTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.maxConnectionsPerAddress()).isEqualTo(32);
        assertThat(c.maxConnections()).isEqualTo(10_000);
        assertThat(c.udpReceiveBufferBytes()).isEqualTo(4 << 20);
        assertThat(c.ioThreads()).isZero();
    }

    @Test
    void tlsBuilderEnablesTlsAndIpv6BindAddressesParse() {
        TlsIdentity pem = new TlsIdentity.PemFiles(Path.of("c.pem"), Path.of("k.pem"));
        SipTransportConfig c = SipTransportConfig.builder().bindAddress("::").tls(pem).build();
        assertThat(c.enabled(Transport.TLS)).isTrue();
        assertThat(c.bindAddress().isAnyLocalAddress()).isTrue();
        assertThat(c.toBuilder().sipPort(0).build().tlsIdentity()).isEqualTo(pem);
    }

    @Test
    void invalidValuesFailWithTheFieldName() {
        assertThatThrownBy(() -> SipTransportConfig.builder().bindAddress("pbx.example.com"))
                .hasMessageContaining("bindAddress must be an IP literal");
        assertThatThrownBy(() -> SipTransportConfig.builder().sipPort(70_000).build()).hasMessageContaining("sipPort");
        assertThatThrownBy(() -> SipTransportConfig.builder().transports(EnumSet.of(Transport.TLS)).build())
                .hasMessageContaining("tlsIdentity");
        assertThatThrownBy(() -> SipTransportConfig.builder().transports(EnumSet.of(Transport.WS)).build())
                .hasMessageContaining("WS");
        assertThatThrownBy(() -> SipTransportConfig.builder().maxMessageSize(10).build()).hasMessageContaining("maxMessageSize");
        assertThatThrownBy(() -> SipTransportConfig.builder().idleTimeout(Duration.ZERO).build()).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> SipTransportConfig.builder().maxConnectionsPerAddress(0).build())
                .hasMessageContaining("maxConnectionsPerAddress");
    }

    @Test
    void thePemPasswordIsNeverPrinted() {
        TlsIdentity pem = new TlsIdentity.PemFiles(Path.of("c.pem"), Path.of("k.pem"), "hunter2");
        SipTransportConfig c = SipTransportConfig.builder().tls(pem).build();
        assertThat(c.toString()).doesNotContain("hunter2").contains("***");
    }
}
