package org.switchboard.e2e.harness;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTemplateTest {
    @Test
    void replacesEveryPlaceholder() {
        ConfigTemplate t = new ConfigTemplate("t", "sip_listen 127.0.0.1:${port}\nca ${file}\n");

        assertThat(t.render(Map.of("port", 5070, "file", "/a$b"))).isEqualTo("sip_listen 127.0.0.1:5070\nca /a$b\n");
    }

    @Test
    void aMissingValueIsAnErrorNamingThePlaceholder() {
        ConfigTemplate t = new ConfigTemplate("t", "x ${missing}");

        assertThatThrownBy(() -> t.render(Map.of())).hasMessageContaining("${missing}");
    }

    @Test
    void theBaresipAccountLineCarriesTransportAndOutboundProxy() {
        BaresipAccount account = new BaresipAccount(new Credentials("1003", "Secret-123"), "127.0.0.1", Transport.TLS,
                "127.0.0.1", 5061);

        assertThat(account.line(600)).isEqualTo("<sip:1003@127.0.0.1;transport=tls>;auth_pass=Secret-123;"
                + "outbound=\"sip:127.0.0.1:5061;transport=tls\";regint=600;answermode=auto;audio_codecs=PCMU,PCMA");
    }
}
