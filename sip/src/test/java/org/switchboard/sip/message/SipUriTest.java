package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipUriTest {

    static SipUri uri(String s) {
        return SipUri.parse(s).orElseThrow(() -> new AssertionError("not parsed: " + s));
    }

    @Test
    void parsesEveryPart() {
        SipUri u = uri("sips:alice:secret@Example.COM:5061;transport=tcp;lr?Subject=hi&Priority=urgent");
        assertThat(u.scheme()).isEqualTo("sips");
        assertThat(u.secure()).isTrue();
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.password()).isEqualTo("secret");
        assertThat(u.host()).isEqualTo("Example.COM");
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.param("transport")).contains("tcp");
        assertThat(u.params().has("lr")).isTrue();
        assertThat(u.headers()).isEqualTo("Subject=hi&Priority=urgent");
        assertThat(u.toString()).isEqualTo("sips:alice:secret@Example.COM:5061;transport=tcp;lr?Subject=hi&Priority=urgent");
    }

    @Test
    void keepsEscapesAsWrittenAndDecodesThemForComparison() {
        SipUri u = uri("sip:%75se%72@example.com");
        assertThat(u.user()).isEqualTo("%75se%72");
        assertThat(u.userUnescaped()).isEqualTo("user");
        assertThat(u.aorKey()).isEqualTo(uri("sip:user@EXAMPLE.com:5070;transport=udp").aorKey());
        assertThat(uri("sip:null-%00-null@example.com").userUnescaped()).isEqualTo("null-\u0000-null");
        assertThat(uri("sip:sips%3Auser%40example.com@example.net").userUnescaped()).isEqualTo("sips:user@example.com");
    }

    @Test
    void allowsUserUnreservedCharactersIncludingSemicolonAndQuestionMark() {
        SipUri u = uri("sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com");
        assertThat(u.user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(u.password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(u.host()).isEqualTo("example.com");
        assertThat(uri("sip:user;par=u%40example.net@example.com").user()).isEqualTo("user;par=u%40example.net");
    }

    @Test
    void parsesIpv6References() {
        assertThat(uri("sip:[2001:db8::10]").hostAddress()).isEqualTo("2001:db8::10");
        assertThat(uri("sip:[2001:db8::10]:5070").port()).isEqualTo(5070);
        assertThat(uri("sip:[2001:db8::10:5070]").port()).isEqualTo(-1);
        assertThat(uri("sip:ted@[::ffff:192.0.2.2];transport=udp").host()).isEqualTo("[::ffff:192.0.2.2]");
        assertThat(uri("sip:user@[2001:db8:::192.0.2.1]").hostAddress()).isEqualTo("2001:db8:::192.0.2.1");
    }

    @Test
    void rejectsWhatIsNotASipUri() {
        for (String bad : new String[] {"tel:+15551234", "sip:", "sip:@example.com", "sip:2001:db8::10", "sip:host:99999",
                "sip:host:", "sip:user@", "sip:us er@host", "sip:user@host;", "sip:user@host;a=b=c", "sip:%zz@host",
                "sip:user@[2001:db8::1", "sip:user@[::1::2]", "sip:user@ho$t", "sip:user@999.1.1.1", "sip:a@b?",
                "<sip:user@example.com>", "sip:user@host;lr?x=<y>", "sip:user@-host", "sip:\u00e9@host"}) {
            assertThat(SipUri.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void buildsAndEditsUris() {
        SipUri u = SipUri.of("sip", "bob", "192.0.2.4", 5060).withParam("transport", "tcp");
        assertThat(u).hasToString("sip:bob@192.0.2.4:5060;transport=tcp");
        assertThat(u.withoutParam("transport").withUser(null)).hasToString("sip:192.0.2.4:5060");
        assertThat(uri(u.toString())).isEqualTo(u);
    }
}
