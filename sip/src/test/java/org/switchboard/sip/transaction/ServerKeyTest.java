package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipRequest;

class ServerKeyTest {

    private static ServerKey key(String method, String via, String callId) {
        SipRequest r = Sip.parse(Sip.bytes(method, via, callId));
        return ServerKey.of(r, r.topVia());
    }

    @Test
    void ackMatchesItsInviteAndCancelDoesNot() {
        String via = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK77";
        assertThat(key("ACK", via, "c")).isEqualTo(key("INVITE", via, "c"));
        assertThat(key("CANCEL", via, "c")).isNotEqualTo(key("INVITE", via, "c"));
        assertThat(key("CANCEL", via, "c").inviteKey()).isEqualTo(key("INVITE", via, "c"));
    }

    @Test
    void sentByHostIsCaseInsensitiveAndPartOfTheKey() {
        assertThat(key("OPTIONS", "SIP/2.0/UDP PC.Example.com:5060;branch=z9hG4bK1", "c"))
                .isEqualTo(key("OPTIONS", "SIP/2.0/UDP pc.example.com:5060;branch=z9hG4bK1", "c"));
        assertThat(key("OPTIONS", "SIP/2.0/UDP pc.example.com:5061;branch=z9hG4bK1", "c"))
                .isNotEqualTo(key("OPTIONS", "SIP/2.0/UDP pc.example.com:5060;branch=z9hG4bK1", "c"));
    }

    @Test
    void rfc2543BranchesFallBackToDialogFields() {
        String via = "SIP/2.0/UDP 192.0.2.10:5060";
        assertThat(key("INVITE", via, "old")).isEqualTo(key("INVITE", via, "old"));
        assertThat(key("ACK", via, "old")).isEqualTo(key("INVITE", via, "old"));
        assertThat(key("INVITE", via, "old")).isNotEqualTo(key("INVITE", via, "other"));
        assertThat(key("INVITE", via + ";branch=1", "old").branch()).startsWith("2543;");
    }
}
