package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1::", "2001:db8::10", "2001:db8::10:5070", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.10",
            "2001:db8::192.0.2.1", "2001:db8:::192.0.2.1", "fe80::1:2:3:4:5:6", "2001:DB8:0:0:8:800:200C:417A"})
    void acceptsIpv6(String h) {
        assertThat(HostSyntax.isIpv6(h)).isTrue();
        assertThat(HostSyntax.isHost("[" + h + "]")).isTrue();
        assertThat(HostSyntax.isHost(h)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":1", "1:", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "g::1",
            "::1.2.3", "::256.1.1.1", "2001:db8:::1", "1:2:3:4:5:6:7:8::", "::1.2.3.4:5", "1:::2"})
    void rejectsOtherIpv6Text(String h) {
        assertThat(HostSyntax.isIpv6(h)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com.", "a", "host-of-the-hour.example.com", "192.0.2.1",
            "255.255.255.255", "_sip._udp.example.com", "x1"})
    void acceptsHostnamesAndIpv4(String h) {
        assertThat(HostSyntax.isHost(h)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a..b", "-a.com", "a-.com", "256.1.1.1", "1.2.3", "1.2.3.4.5", "a b", "h\u00e9", "[::1"})
    void rejectsOtherHosts(String h) {
        assertThat(HostSyntax.isHost(h)).isFalse();
    }
}
