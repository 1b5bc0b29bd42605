package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViaTest {

    @Test
    void parsesSentProtocolSentByAndParameters() {
        Via v = Via.parse("SIP/2.0/udp pc33.example.com:5060;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5062;ttl=16")
                .orElseThrow();
        assertThat(v.transport()).isEqualTo("UDP");
        assertThat(v.host()).isEqualTo("pc33.example.com");
        assertThat(v.port()).isEqualTo(5060);
        assertThat(v.branch()).contains("z9hG4bK776asdhds");
        assertThat(v.hasRfc3261Branch()).isTrue();
        assertThat(v.received()).contains("192.0.2.1");
        assertThat(v.rport()).contains("5062");
        assertThat(v).hasToString("SIP/2.0/UDP pc33.example.com:5060;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5062;ttl=16");
    }

    @Test
    void allowsLwsWhereTheGrammarDoes() {
        Via v = Via.parse("SIP  /    2.0   / UDP  192.168.255.111   ; branch= z9hG4bK30239").orElseThrow();
        assertThat(v.host()).isEqualTo("192.168.255.111");
        assertThat(v.branch()).contains("z9hG4bK30239");
        assertThat(Via.parse("SIP/2.0/TCP host : 5070 ;lr").orElseThrow().port()).isEqualTo(5070);
    }

    @Test
    void handlesRportFlagsAndIpv6() {
        Via v = Via.parse("SIP/2.0/TLS [2001:db8::9:1]:6050;rport;branch=z9hG4bKx;received=[2001:db8::9:255]").orElseThrow();
        assertThat(v.hostAddress()).isEqualTo("2001:db8::9:1");
        assertThat(v.port()).isEqualTo(6050);
        assertThat(v.hasRport()).isTrue();
        assertThat(v.rport()).isEmpty();
        assertThat(v.receivedAddress()).contains("2001:db8::9:255");
        assertThat(Via.parse("SIP/2.0/UDP h;received=2001:db8::9:255").orElseThrow().receivedAddress()).contains("2001:db8::9:255");
        assertThat(v.withParam("rport", "4000").rport()).contains("4000");
    }

    @Test
    void rejectsMalformedVias() {
        for (String bad : new String[] {"SIP/2.0/UDP", "SIP/7.0/UDP h", "SIP/2.0 h", "SIP/2.0/UDPh", "SIP/2.0/UDP h;",
                "SIP/2.0/UDP 192.0.2.15;;", "SIP/2.0/UDP h:99999", "SIP/2.0/UDP [::1", "SIP/2.0/UDP h (comment)",
                "SIP/2.0/UDP h;branch=", "SIP/2.0/UDP h;bra nch=1", "HTTP/2.0/UDP h", "SIP/2.0/UDP 2001:db8::1"}) {
            assertThat(Via.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void rfc2543ViasHaveNoCookie() {
        assertThat(Via.parse("SIP/2.0/UDP iftgw.example.com").orElseThrow().hasRfc3261Branch()).isFalse();
    }
}
