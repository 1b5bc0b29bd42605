package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameAddrTest {

    static NameAddr na(String s) {
        return NameAddr.parse(s).orElseThrow(() -> new AssertionError("not parsed: " + s));
    }

    @Test
    void parsesQuotedDisplayNamesWithQuotedPairs() {
        NameAddr n = na("\"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com> ; tag = 98asjd8");
        assertThat(n.displayName()).isEqualTo("\"J Rosenberg \\\\\\\"\"");
        assertThat(n.displayNameText()).isEqualTo("J Rosenberg \\\"");
        assertThat(n.uri()).isEqualTo("sip:jdrosen@example.com");
        assertThat(n.tag()).contains("98asjd8");
    }

    @Test
    void parsesTokenDisplayNamesWithOrWithoutSpaceBeforeTheBracket() {
        assertThat(na("caller<sip:caller@example.com>;tag=323").displayName()).isEqualTo("caller");
        assertThat(na("token1~` token2'+_ <sip:m@example.com>").displayName()).isEqualTo("token1~` token2'+_");
        assertThat(na("<sip:m@example.com>").displayName()).isNull();
    }

    @Test
    void giveParametersOfAnAddrSpecToTheHeader() {
        NameAddr n = na("sip:+19725552222@gw1.example.net;unknownparam");
        assertThat(n.uri()).isEqualTo("sip:+19725552222@gw1.example.net");
        assertThat(n.params().has("unknownparam")).isTrue();
        NameAddr inside = na("<sip:+19725552222@gw1.example.net;unknownparam>");
        assertThat(inside.params().isEmpty()).isTrue();
        assertThat(inside.sipUri().orElseThrow().params().has("unknownparam")).isTrue();
    }

    @Test
    void acceptsOtherSchemesAndQuotedParameterValues() {
        assertThat(na("isbn:2983792873").uri()).isEqualTo("isbn:2983792873");
        assertThat(na("<http://www.example.com>;tag=3234233").sipUri()).isEmpty();
        assertThat(na("<sip:a@b>;+sip.instance=\"<urn:uuid:1234>\";q=0.5").param("+sip.instance")).contains("\"<urn:uuid:1234>\"");
        assertThat(na("<sip:user@example.com?Route=%3Csip:sip.example.com%3E>").sipUri().orElseThrow().headers())
                .isEqualTo("Route=%3Csip:sip.example.com%3E");
    }

    @Test
    void rejectsMalformedValues() {
        for (String bad : new String[] {"", "\"Mr. J. User <sip:j.user@example.com>", "\"Watson, Thomas\" < sip:t.watson@example.org >",
                "Bell, Alexander <sip:a.g.bell@example.com>;tag=43", "sip:user@example.com?Route=%3Csip:sip.example.com%3E",
                "<sip:a@b>;;", "<sip:a@b>;tag=", "<sip:a@b> junk", "<sip:a@b", "no-scheme", "<sip:2001:db8::1>",
                "\"x\" sip:a@b", "<sip:a@b>;tag=a b", "<1sip:a>"}) {
            assertThat(NameAddr.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void buildsAndTagsAddresses() {
        NameAddr n = NameAddr.of("Al \"the\" Ice", SipUriTest.uri("sip:alice@example.com")).withTag("abc");
        assertThat(n).hasToString("\"Al \\\"the\\\" Ice\" <sip:alice@example.com>;tag=abc");
        assertThat(na(n.toString())).isEqualTo(n);
        assertThat(na(n.toString()).displayNameText()).isEqualTo("Al \"the\" Ice");
        assertThat(NameAddr.of(SipUriTest.uri("sip:b@h")).withTag("1").withTag("2").tag()).contains("2");
    }
}
