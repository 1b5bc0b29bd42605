package org.switchboard.pbx.mwi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;

/** Unsolicited MWI: registered phones without a subscription get out-of-dialog NOTIFYs. */
class UnsolicitedNotifyTest {
    static final InetSocketAddress DESK = new InetSocketAddress("192.0.2.20", 5080);
    static final InetSocketAddress SOFTPHONE = new InetSocketAddress("192.0.2.21", 5090);

    final MwiRig rig = new MwiRig();

    @Test
    void aPhoneGetsTheCountsShortlyAfterItRegisters() {
        rig.register("102", "sip:102@192.0.2.20:5080", DESK);
        assertThat(rig.requestsTo(DESK, "NOTIFY")).isEmpty();
        rig.advance(MwiSettings.DEFAULT_UNSOLICITED_DELAY);
        assertThat(rig.requestsTo(DESK, "NOTIFY")).singleElement().satisfies(n -> {
            assertThat(n.uri()).isEqualTo("sip:102@192.0.2.20:5080");
            assertThat(n.header(HeaderNames.EVENT)).hasValue("message-summary");
            assertThat(n.header(HeaderNames.SUBSCRIPTION_STATE)).hasValue("terminated");
            assertThat(n.to().uri()).isEqualTo("sip:102@pbx.example.com");
            assertThat(n.to().tag()).isEmpty();
            assertThat(n.from().tag()).isPresent();
            assertThat(n.cseq().toString()).isEqualTo("1 NOTIFY");
            assertThat(MessageSummary.parse(n.bodyText())).hasValue(
                    MessageSummary.of("sip:102@pbx.example.com", VoiceCounts.of(1, 4)));
        });
    }

    @Test
    void everyChangeReachesEveryRegisteredPhone() {
        rig.register("102", "sip:102@192.0.2.20:5080", DESK);
        rig.register("102", "sip:102@192.0.2.21:5090", SOFTPHONE);
        rig.advance(MwiSettings.DEFAULT_UNSOLICITED_DELAY);
        rig.mwi.countsChanged("102", 3, 0);
        for (InetSocketAddress phone : new InetSocketAddress[] {DESK, SOFTPHONE}) {
            assertThat(rig.requestsTo(phone, "NOTIFY")).hasSize(2);
            SipRequest last = rig.requestsTo(phone, "NOTIFY").getLast();
            assertThat(MessageSummary.parse(last.bodyText()).orElseThrow().voice()).hasValue(VoiceCounts.of(3, 0));
        }
        SipRequest first = rig.requestsTo(DESK, "NOTIFY").getFirst();
        SipRequest second = rig.requestsTo(DESK, "NOTIFY").getLast();
        assertThat(second.callId()).isNotEqualTo(first.callId());
    }

    @Test
    void aPhoneThatSubscribesGetsOnlyItsSubscriptionsNotifies() {
        Subscriber desk = new Subscriber(DESK, "102", "bob-secret-22");
        rig.register("102", desk.contact(), DESK);
        assertThat(desk.subscribeWithCredentials(rig, 600).status()).isEqualTo(200);
        rig.advance(MwiSettings.DEFAULT_UNSOLICITED_DELAY);
        assertThat(rig.requestsTo(DESK, "NOTIFY")).singleElement()
                .satisfies(n -> assertThat(n.header(HeaderNames.SUBSCRIPTION_STATE)).hasValue("active;expires=600"));
        rig.receive(Subscriber.answer(rig.requestsTo(DESK, "NOTIFY").getLast(), 200), DESK);

        rig.mwi.countsChanged("102", 2, 0);
        assertThat(rig.requestsTo(DESK, "NOTIFY")).hasSize(2)
                .allSatisfy(n -> assertThat(n.callId()).isEqualTo(desk.callId));
    }

    @Test
    void aPhoneGoneBeforeTheDelayGetsNothing() {
        rig.register("102", "sip:102@192.0.2.20:5080", DESK);
        rig.location.removeAll("102");
        rig.advance(Duration.ofSeconds(10));
        assertThat(rig.requestsTo(DESK, "NOTIFY")).isEmpty();
    }

    @Test
    void turnedOffNothingIsSentWithoutASubscription() {
        MwiRig quiet = new MwiRig(false);
        quiet.register("102", "sip:102@192.0.2.20:5080", DESK);
        quiet.advance(Duration.ofSeconds(10));
        quiet.mwi.countsChanged("102", 3, 0);
        assertThat(quiet.requestsTo(DESK, "NOTIFY")).isEmpty();
    }
}
