package org.switchboard.pbx.mwi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.event.SubscriptionState;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * Subscriptions to the message-summary package with a scripted phone on a virtual clock: what
 * the phone receives is what a real one would (RFC 6665, RFC 3842).
 */
class MwiNotifierTest {
    static final InetSocketAddress ALICE = new InetSocketAddress("192.0.2.10", 5070);

    final MwiRig rig = new MwiRig();
    final Subscriber alice = new Subscriber(ALICE, "101", "alice-secret-1");

    List<SipRequest> notifies() {
        return rig.requestsTo(ALICE, "NOTIFY");
    }

    SipRequest lastNotify() {
        return notifies().getLast();
    }

    static MessageSummary summary(SipRequest notify) {
        return MessageSummary.parse(notify.bodyText()).orElseThrow();
    }

    static SubscriptionState state(SipRequest notify) {
        return SubscriptionState.parse(notify.header(HeaderNames.SUBSCRIPTION_STATE).orElseThrow()).orElseThrow();
    }

    /** Subscribes Alice with credentials and answers the first NOTIFY 200. */
    void subscribed() {
        assertThat(alice.subscribeWithCredentials(rig, 600).status()).isEqualTo(200);
        rig.receive(Subscriber.answer(lastNotify(), 200), ALICE);
    }

    @Test
    void aSubscribeIsChallengedThenCreatesADialogAndGetsTheCountsAtOnce() {
        rig.receive(alice.subscribe(600), ALICE);
        SipResponse challenge = alice.last(rig);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header(HeaderNames.WWW_AUTHENTICATE)).hasValueSatisfying(v -> assertThat(v).contains("realm=\"pbx.example.com\""));
        assertThat(notifies()).isEmpty();

        alice.challengedBy(challenge);
        rig.receive(alice.subscribe(600), ALICE);
        SipResponse ok = alice.last(rig);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.to().tag()).isPresent();
        assertThat(ok.header(HeaderNames.EXPIRES)).hasValue("600");
        assertThat(ok.header(HeaderNames.CONTACT)).hasValue("<sip:127.0.0.5:5060>");

        SipRequest notify = lastNotify();
        assertThat(notify.uri()).isEqualTo(alice.contact());
        assertThat(notify.callId()).isEqualTo(alice.callId);
        assertThat(notify.from().tag()).isEqualTo(ok.to().tag());
        assertThat(notify.to().tag()).hasValue("phone-tag");
        assertThat(notify.header(HeaderNames.EVENT)).hasValue("message-summary");
        assertThat(notify.header(HeaderNames.SUBSCRIPTION_STATE)).hasValue("active;expires=600");
        assertThat(notify.header(HeaderNames.CONTENT_TYPE)).hasValue(MessageSummary.CONTENT_TYPE);
        assertThat(notify.header(HeaderNames.CONTACT)).hasValue("<sip:127.0.0.5:5060>");
        assertThat(summary(notify)).isEqualTo(MessageSummary.of("sip:101@pbx.example.com", VoiceCounts.of(1, 4)));
        assertThat(rig.mwi.subscriptionCount()).isEqualTo(1);
    }

    @Test
    void theEventIdIsEchoedInEveryNotify() {
        alice.event = "message-summary;id=77";
        subscribed();
        rig.mwi.countsChanged("101", 2, 4);
        assertThat(notifies()).hasSize(2).allSatisfy(n -> assertThat(n.header(HeaderNames.EVENT)).hasValue("message-summary;id=77"));
    }

    @Test
    void anotherEventPackageGets489WithTheOneWeServe() {
        alice.event = "presence";
        rig.receive(alice.subscribe(600), ALICE);
        SipResponse r = alice.last(rig);
        assertThat(r.status()).isEqualTo(489);
        assertThat(r.header(HeaderNames.ALLOW_EVENTS)).hasValue("message-summary");
    }

    @Test
    void aSubscribeWithoutEventGets400() {
        alice.event = null;
        rig.receive(alice.subscribe(600), ALICE);
        assertThat(alice.last(rig).status()).isEqualTo(400);
    }

    @Test
    void aSubscriberThatAcceptsNoSummaryGets406() {
        alice.extraHeaders = "Accept: application/pidf+xml\r\n";
        rig.receive(alice.subscribe(600), ALICE);
        SipResponse r = alice.last(rig);
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.header(HeaderNames.ACCEPT)).hasValue(MessageSummary.CONTENT_TYPE);
    }

    @Test
    void aSubscriptionToTheOwnMailboxNumberWatchesTheSubscribersMailbox() {
        alice.mailbox = "*97";
        assertThat(alice.subscribeWithCredentials(rig, 600).status()).isEqualTo(200);
        assertThat(summary(lastNotify())).isEqualTo(MessageSummary.of("sip:101@pbx.example.com", VoiceCounts.of(1, 4)));
        rig.receive(Subscriber.answer(lastNotify(), 200), ALICE);
        rig.mwi.countsChanged("101", 2, 4);
        assertThat(summary(lastNotify())).isEqualTo(MessageSummary.of("sip:101@pbx.example.com", VoiceCounts.of(2, 4)));
    }

    @Test
    void aPhoneWatchesOnlyItsOwnMailbox() {
        alice.mailbox = "102";
        assertThat(alice.subscribeWithCredentials(rig, 600).status()).isEqualTo(403);
        alice.mailbox = "109";
        rig.receive(alice.subscribe(600), ALICE);
        assertThat(alice.last(rig).status()).isEqualTo(404);
        assertThat(notifies()).isEmpty();
        assertThat(rig.mwi.subscriptionCount()).isZero();
    }

    @Test
    void aWrongPasswordIsChallengedAgainAndLogged() {
        Subscriber mallory = new Subscriber(ALICE, "101", "guess");
        assertThat(mallory.subscribeWithCredentials(rig, 600).status()).isEqualTo(401);
        assertThat(rig.securityLines).singleElement().satisfies(l ->
                assertThat(l).contains("event=auth_failure", "user=101", "method=SUBSCRIBE", "reason=wrong_password"));
        assertThat(notifies()).isEmpty();
    }

    @Test
    void expiresIsBoundedAndDefaulted() {
        rig.receive(alice.subscribe(30), ALICE);
        SipResponse brief = alice.last(rig);
        assertThat(brief.status()).isEqualTo(423);
        assertThat(brief.header(HeaderNames.MIN_EXPIRES)).hasValue("60");

        assertThat(alice.subscribeWithCredentials(rig, 86_400).header(HeaderNames.EXPIRES)).hasValue("3600");
        assertThat(lastNotify().header(HeaderNames.SUBSCRIPTION_STATE)).hasValue("active;expires=3600");

        Subscriber other = new Subscriber(new InetSocketAddress("192.0.2.11", 5070), "101", "alice-secret-1");
        assertThat(other.subscribeWithCredentials(rig, null).header(HeaderNames.EXPIRES)).hasValue("3600");
    }

    @Test
    void expiresZeroOutsideADialogIsAFetchThatKeepsNothing() {
        SipResponse ok = alice.subscribeWithCredentials(rig, 0);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header(HeaderNames.EXPIRES)).hasValue("0");
        assertThat(notifies()).singleElement().satisfies(n -> {
            assertThat(n.header(HeaderNames.SUBSCRIPTION_STATE)).hasValue("terminated;reason=timeout");
            assertThat(summary(n).voice()).hasValue(VoiceCounts.of(1, 4));
        });
        assertThat(rig.mwi.subscriptionCount()).isZero();
    }

    @Test
    void aRefreshIsAnsweredAndNotifiedWithTheNewExpiry() {
        subscribed();
        rig.advance(Duration.ofSeconds(500));
        rig.receive(alice.subscribe(600), ALICE);
        SipResponse ok = alice.last(rig);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header(HeaderNames.EXPIRES)).hasValue("600");
        assertThat(lastNotify().header(HeaderNames.SUBSCRIPTION_STATE)).hasValue("active;expires=600");
        assertThat(lastNotify().cseq().number()).isGreaterThan(notifies().getFirst().cseq().number());
        rig.receive(Subscriber.answer(lastNotify(), 200), ALICE);

        // the first grant (600 s from the start) lapses without effect: the refresh moved it
        rig.advance(Duration.ofSeconds(200));
        assertThat(notifies()).hasSize(2);
        assertThat(rig.mwi.subscriptionCount()).isEqualTo(1);
    }

    @Test
    void expiresZeroInTheDialogUnsubscribesWithAFinalNotify() {
        subscribed();
        rig.receive(alice.subscribe(0), ALICE);
        SipResponse ok = alice.last(rig);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header(HeaderNames.EXPIRES)).hasValue("0");
        assertThat(state(lastNotify())).isEqualTo(SubscriptionState.terminated("timeout"));
        assertThat(rig.mwi.subscriptionCount()).isZero();

        rig.receive(Subscriber.answer(lastNotify(), 200), ALICE);
        rig.receive(alice.subscribe(600), ALICE);
        assertThat(alice.last(rig).status()).isEqualTo(481);
        rig.mwi.countsChanged("101", 5, 0);
        assertThat(notifies()).hasSize(2);
    }

    @Test
    void aSubscriptionLapsesWithATerminatedNotify() {
        subscribed();
        rig.advance(Duration.ofSeconds(599));
        assertThat(notifies()).hasSize(1);
        rig.advance(Duration.ofSeconds(1));
        assertThat(notifies()).hasSize(2);
        assertThat(state(lastNotify())).isEqualTo(SubscriptionState.terminated("timeout"));
        assertThat(rig.mwi.subscriptionCount()).isZero();
    }

    @Test
    void everyChangeOfTheCountsIsNotifiedAndRepeatsAreNot() {
        subscribed();
        rig.mwi.countsChanged("101", 2, 4);
        assertThat(summary(lastNotify())).satisfies(s -> {
            assertThat(s.messagesWaiting()).isTrue();
            assertThat(s.voice()).hasValue(VoiceCounts.of(2, 4));
        });
        assertThat(state(lastNotify()).expires()).hasValue(600);
        rig.receive(Subscriber.answer(lastNotify(), 200), ALICE);

        rig.mwi.countsChanged("101", 2, 4);
        assertThat(notifies()).hasSize(2);

        rig.mwi.countsChanged("101", 0, 6);
        assertThat(summary(lastNotify()).messagesWaiting()).isFalse();
        assertThat(summary(lastNotify()).voice()).hasValue(VoiceCounts.of(0, 6));
    }

    @Test
    void changesWhileANotifyIsUnansweredAreSentOnceAsTheNewest() {
        subscribed();
        rig.mwi.countsChanged("101", 2, 4);
        rig.mwi.countsChanged("101", 3, 4);
        rig.mwi.countsChanged("101", 3, 5);
        assertThat(notifies()).hasSize(2);
        rig.receive(Subscriber.answer(lastNotify(), 200), ALICE);
        assertThat(notifies()).hasSize(3);
        assertThat(summary(lastNotify()).voice()).hasValue(VoiceCounts.of(3, 5));
    }

    @Test
    void aNotifyAnswered481EndsTheSubscription() {
        assertThat(alice.subscribeWithCredentials(rig, 600).status()).isEqualTo(200);
        rig.receive(Subscriber.answer(lastNotify(), 481), ALICE);
        assertThat(rig.mwi.subscriptionCount()).isZero();
        rig.mwi.countsChanged("101", 9, 9);
        assertThat(notifies()).hasSize(1);
    }

    @Test
    void anUnansweredNotifyIsRetransmittedThenEndsTheSubscription() {
        assertThat(alice.subscribeWithCredentials(rig, 600).status()).isEqualTo(200);
        rig.advance(Duration.ofSeconds(4));
        assertThat(rig.copiesTo(ALICE, "NOTIFY")).isGreaterThan(3);
        assertThat(rig.mwi.subscriptionCount()).isEqualTo(1);
        rig.advance(Duration.ofSeconds(29));
        assertThat(rig.mwi.subscriptionCount()).isZero();
        rig.mwi.countsChanged("101", 9, 9);
        assertThat(notifies()).hasSize(1);
    }

    @Test
    void aRefreshOfAnUnknownDialogGets481() {
        alice.toTag = "not-ours";
        rig.receive(alice.subscribe(600), ALICE);
        assertThat(alice.last(rig).status()).isEqualTo(481);
    }

    @Test
    void aRefreshOutOfOrderGets500() {
        subscribed();
        alice.cseq = 1;
        rig.receive(alice.subscribe(600), ALICE);
        assertThat(alice.last(rig).status()).isEqualTo(500);
        assertThat(rig.mwi.subscriptionCount()).isEqualTo(1);
    }

    @Test
    void theFirstNotifyWaitsForTheCountsAndAReportWins() {
        rig.holdReads = true;
        assertThat(alice.subscribeWithCredentials(rig, 600).status()).isEqualTo(200);
        assertThat(notifies()).isEmpty();
        rig.mwi.countsChanged("101", 7, 0);
        rig.releaseReads();
        assertThat(notifies()).singleElement().satisfies(n -> assertThat(summary(n).voice()).hasValue(VoiceCounts.of(7, 0)));
        assertThat(rig.reads).containsExactly("101");
    }

    @Test
    void countsAreReadOncePerMailbox() {
        subscribed();
        Subscriber desk = new Subscriber(new InetSocketAddress("192.0.2.11", 5070), "101", "alice-secret-1");
        assertThat(desk.subscribeWithCredentials(rig, 600).status()).isEqualTo(200);
        assertThat(rig.reads).containsExactly("101");
    }

    @Test
    void oneExtensionHoldsABoundedNumberOfSubscriptions() {
        for (int i = 0; i < MwiSettings.DEFAULT_MAX_PER_EXTENSION; i++) {
            Subscriber s = new Subscriber(new InetSocketAddress("192.0.2.50", 6000 + i), "101", "alice-secret-1");
            assertThat(s.subscribeWithCredentials(rig, 600).status()).isEqualTo(200);
        }
        Subscriber one = new Subscriber(new InetSocketAddress("192.0.2.51", 7000), "101", "alice-secret-1");
        SipResponse r = one.subscribeWithCredentials(rig, 600);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Too Many Subscriptions");
    }

    @Test
    void optionsAdvertisesSubscribeAndThePackage() {
        rig.receive("OPTIONS sip:pbx.example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-opt-1\r\nMax-Forwards: 70\r\n"
                + "From: <sip:101@pbx.example.com>;tag=o1\r\nTo: <sip:pbx.example.com>\r\n"
                + "Call-ID: opt-1@192.0.2.10\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n", ALICE);
        SipResponse r = alice.last(rig);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().all(HeaderNames.ALLOW)).contains("SUBSCRIBE", "REGISTER");
        assertThat(r.header(HeaderNames.ALLOW_EVENTS)).hasValue("message-summary");
    }

    @Test
    void aRemovedExtensionsSubscriptionsEndWithNoresource() {
        subscribed();
        rig.mwi.extensionRemoved("101");
        assertThat(state(lastNotify())).isEqualTo(SubscriptionState.terminated("noresource"));
        assertThat(rig.mwi.subscriptionCount()).isZero();
    }
}
