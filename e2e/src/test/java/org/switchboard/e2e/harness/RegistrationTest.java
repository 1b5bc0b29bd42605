package org.switchboard.e2e.harness;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationTest {
    @Test
    void parsesTheCliJson() {
        List<Registration> all = Registration.parseAll("""
                [{"aor":"1001","contact":"sip:1001@127.0.0.1:5070","expiresInSeconds":3599,"transport":"udp",
                  "source":"127.0.0.1:5070","userAgent":"SIPp","registeredAt":"2026-01-01T00:00:00Z"},
                 {"aor":"sip:1002@127.0.0.1","contact":"sip:1002@127.0.0.1:5072;transport=tls","expiresInSeconds":60,
                  "transport":"TLS","source":"127.0.0.1:40000","userAgent":"baresip","registeredAt":"x"}]
                """);

        assertThat(all).hasSize(2);
        assertThat(all.get(0).isOf("1001")).isTrue();
        assertThat(all.get(0).expiresInSeconds()).isEqualTo(3599);
        assertThat(all.get(1).isOf("1002")).isTrue();
        assertThat(all.get(1).isOf("100")).isFalse();
        assertThat(all.get(1).isOver(Transport.TLS)).isTrue();
    }

    @Test
    void somethingElseThanAnArrayIsAClearError() {
        assertThatThrownBy(() -> Registration.parseAll("No registrations")).hasMessageContaining("No registrations");
        assertThatThrownBy(() -> Registration.parseAll("{}")).hasMessageContaining("array");
    }
}
