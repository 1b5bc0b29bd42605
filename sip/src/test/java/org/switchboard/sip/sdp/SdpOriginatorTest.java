package org.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.sip.sdp.SdpGoldens.captured;

import org.junit.jupiter.api.Test;

class SdpOriginatorTest {

    static final SdpOriginator LEG = SdpOriginator.create(4242, 1, Connection.of("203.0.113.5"));

    @Test
    void writesTheServersOriginOverThePhones() {
        SdpOriginator.Stamped first = LEG.stamp(captured("baresip-1.0/offer.sdp"));
        assertThat(first.description().origin()).isEqualTo(new Origin("switchboard", "4242", "1", "IN", "IP4", "203.0.113.5"));
        assertThat(first.description().toText()).startsWith("v=0\r\no=switchboard 4242 1 IN IP4 203.0.113.5\r\n");
        assertThat(first.originator().version()).isEqualTo(1);
    }

    @Test
    void incrementsTheVersionOnEveryChangeAndOnlyThen() {
        SdpOriginator.Stamped offer = LEG.stamp(captured("baresip-1.0/offer.sdp"));
        // a re-INVITE with the same description keeps the version (RFC 3264 §8)
        SdpOriginator.Stamped same = offer.originator().stamp(captured("baresip-1.0/offer.sdp"));
        assertThat(same.description()).isEqualTo(offer.description());
        assertThat(same.originator().version()).isEqualTo(1);
        SdpOriginator.Stamped hold = same.originator().stamp(captured("baresip-1.0/hold-offer.sdp"));
        assertThat(hold.description().origin().sessionVersion()).isEqualTo("2");
        SdpOriginator.Stamped resume = hold.originator().stamp(captured("baresip-1.0/resume-offer.sdp"));
        assertThat(resume.description().origin().sessionVersion()).isEqualTo("3");
        assertThat(resume.description().origin().sessionId()).isEqualTo("4242");
        // the phone's own version changes do not count, only the content
        SessionDescription bumped = captured("baresip-1.0/resume-offer.sdp").withOrigin(
                captured("baresip-1.0/resume-offer.sdp").origin().withSessionVersion("99"));
        assertThat(resume.originator().stamp(bumped).originator().version()).isEqualTo(3);
    }

    @Test
    void describesAnIpv6Leg() {
        SdpOriginator v6 = SdpOriginator.create(7, 100, Connection.of("2001:db8::5"));
        assertThat(v6.origin()).isEqualTo(new Origin("switchboard", "7", "100", "IN", "IP6", "2001:db8::5"));
        assertThat(v6.stamp(captured("linphone-5.1/offer.sdp")).originator().version()).isEqualTo(100);
    }

    @Test
    void isAValueThatNeverChangesUnderItsHolder() {
        SdpOriginator.Stamped a = LEG.stamp(captured("sipp-3.6/uac-offer.sdp"));
        SdpOriginator.Stamped b = LEG.stamp(captured("baresip-1.0/offer.sdp"));
        assertThat(a.originator().version()).isEqualTo(b.originator().version()).isEqualTo(LEG.version());
        assertThat(LEG.toString()).contains("nothing sent");
    }
}
