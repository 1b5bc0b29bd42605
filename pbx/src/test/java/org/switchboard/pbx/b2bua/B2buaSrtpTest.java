package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.media.relay.SrtpKeys;
import org.switchboard.media.relay.SrtpSuite;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.extension.SrtpPolicy;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.sdp.CryptoAttribute;
import org.switchboard.sip.sdp.CryptoSuite;
import org.switchboard.sip.sdp.MediaDescription;
import org.switchboard.sip.sdp.SdpParseResult;
import org.switchboard.sip.sdp.SdpParser;
import org.switchboard.sip.sdp.SessionDescription;
import org.switchboard.sip.transport.Transport;

/**
 * SRTP with SDES keys through the B2BUA: each leg negotiates with the server on its own, keys
 * only over TLS, and each extension's policy (required, optional, off) decides what is offered
 * and what is refused.
 */
class B2buaSrtpTest {
    static final InetSocketAddress ALICE = new InetSocketAddress("192.0.2.10", 5071);
    static final InetSocketAddress BOB_TLS = new InetSocketAddress("192.0.2.20", 5081);
    static final InetSocketAddress BOB_UDP = new InetSocketAddress("192.0.2.21", 5090);
    /** Alice's key (RFC 4568 §9.1's example key), what her phone encrypts with. */
    static final String ALICE_KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";
    static final String BOB_KEY = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";

    final B2buaRig rig = new B2buaRig(Duration.ofSeconds(1800));
    final Phones.Caller alice = new Phones.Caller(ALICE);

    static String sdp(String ip, int port, String proto, String... crypto) {
        StringBuilder b = new StringBuilder("v=0\r\no=phone 1 1 IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip
                + "\r\nt=0 0\r\nm=audio " + port + " " + proto + " 0 101\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n");
        for (String c : crypto) b.append("a=crypto:").append(c).append("\r\n");
        return b.toString();
    }

    static String line(int tag, String key) { return tag + " AES_CM_128_HMAC_SHA1_80 inline:" + key; }

    static MediaDescription audio(String body) {
        SessionDescription d = ((SdpParseResult.Parsed) SdpParser.parse(body)).description();
        return d.media().getFirst();
    }

    static SrtpKeys keysOf(CryptoAttribute c) { return MediaSession.keys(c); }

    static SrtpKeys keysOf(String base64) {
        byte[] all = Base64.getDecoder().decode(base64);
        return new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, java.util.Arrays.copyOf(all, 16),
                java.util.Arrays.copyOfRange(all, 16, 30));
    }

    /** Alice dials {@code target} over {@code transport} with {@code body}, answering the challenge. */
    SipResponse dial(String target, String body, Transport transport) {
        rig.receive(alice.invite(target, body), ALICE, transport);
        SipResponse challenge = rig.responsesTo(ALICE).getLast();
        assertThat(challenge.status()).isEqualTo(407);
        alice.challengedBy(challenge);
        rig.receive(alice.ackFailure(challenge), ALICE, transport);
        rig.receive(alice.invite(target, body), ALICE, transport);
        return rig.responsesTo(ALICE).getLast();
    }

    SipRequest inviteTo(InetSocketAddress contact) {
        List<SipRequest> invites = rig.requestsTo(contact, "INVITE");
        assertThat(invites).isNotEmpty();
        return invites.getLast();
    }

    B2buaRig.FakeEndpoint callerEndpoint() { return rig.media.endpoints.get(0); }

    B2buaRig.FakeEndpoint calleeEndpoint() { return rig.media.endpoints.get(1); }

    /** A TLS call from Alice (RTP/SAVP) to Bob's TLS phone, answered with his key; returns Alice's 200. */
    SipResponse srtpCall() {
        rig.register("102", "sip:102@192.0.2.20:5081;transport=tls", BOB_TLS, Transport.TLS);
        dial("102", sdp("192.0.2.10", 4000, "RTP/SAVP", line(7, ALICE_KEY)), Transport.TLS);
        SipRequest invite = inviteTo(BOB_TLS);
        rig.receive(Phones.answer(invite, 200, "OK", "bob", "sip:102@192.0.2.20:5081;transport=tls",
                Optional.of(sdp("192.0.2.20", 6000, "RTP/SAVP", line(1, BOB_KEY)))), BOB_TLS, Transport.TLS);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(), ALICE, Transport.TLS);
        return ok;
    }

    @Test
    void overTlsEachLegGetsItsOwnKeysAndThePhonesNeverSeeEachOthers() {
        SipResponse ok = srtpCall();

        String offerToBob = inviteTo(BOB_TLS).bodyText();
        assertThat(offerToBob).as("Alice insisted on RTP/SAVP, so Bob is offered it too").contains(" RTP/SAVP 0 101")
                .doesNotContain(ALICE_KEY);
        List<CryptoAttribute> offered = CryptoAttribute.usable(audio(offerToBob));
        assertThat(offered).extracting(CryptoAttribute::tag, CryptoAttribute::suite).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80),
                org.assertj.core.groups.Tuple.tuple(2, CryptoSuite.AES_CM_128_HMAC_SHA1_32));

        MediaDescription toAlice = audio(ok.bodyText());
        assertThat(toAlice.proto()).isEqualTo("RTP/SAVP");
        assertThat(ok.bodyText()).doesNotContain(BOB_KEY);
        CryptoAttribute ours = CryptoAttribute.usable(toAlice).getFirst();
        assertThat(CryptoAttribute.usable(toAlice)).as("one line, Alice's tag and suite (RFC 4568 §6.1)").hasSize(1);
        assertThat(ours.tag()).isEqualTo(7);
        assertThat(ours.suite()).isEqualTo(CryptoSuite.AES_CM_128_HMAC_SHA1_80);

        assertThat(callerEndpoint().inbound).as("decrypts what Alice sends").isEqualTo(keysOf(ALICE_KEY));
        assertThat(callerEndpoint().outbound).as("encrypts for Alice with the key of our answer").isEqualTo(keysOf(ours))
                .isNotEqualTo(keysOf(ALICE_KEY));
        assertThat(calleeEndpoint().inbound).isEqualTo(keysOf(BOB_KEY));
        assertThat(calleeEndpoint().outbound).as("the line Bob chose by its tag").isEqualTo(keysOf(offered.getFirst()));
        assertThat(rig.media.bridges).isNotEmpty();
    }

    @Test
    void aPhoneOnUdpNeverGetsAKeyEvenWhenTheOtherPhoneOfTheExtensionDoes() {
        rig.register("102", "sip:102@192.0.2.20:5081;transport=tls", BOB_TLS, Transport.TLS);
        rig.register("102", "sip:102@192.0.2.21:5090", BOB_UDP);
        dial("102", sdp("192.0.2.10", 4000, "RTP/SAVP", line(1, ALICE_KEY)), Transport.TLS);

        assertThat(inviteTo(BOB_TLS).bodyText()).contains("RTP/SAVP").contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80");
        assertThat(inviteTo(BOB_UDP).bodyText()).contains(" RTP/AVP 0 101").doesNotContain("crypto", "SAVP");

        SipRequest udp = inviteTo(BOB_UDP);
        rig.receive(Phones.answer(udp, 200, "OK", "mob", "sip:102@192.0.2.21:5090",
                Optional.of(sdp("192.0.2.21", 7000, "RTP/AVP"))), BOB_UDP);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(audio(ok.bodyText()).proto()).as("Alice's leg stays SRTP").isEqualTo("RTP/SAVP");
        assertThat(callerEndpoint().inbound).isEqualTo(keysOf(ALICE_KEY));
        assertThat(calleeEndpoint().inbound).as("Bob's mobile leg is plain RTP").isNull();
        assertThat(calleeEndpoint().outbound).isNull();
    }

    @Test
    void savpOverUdpIsRefusedBecauseKeysWouldTravelInClear() {
        rig.register("102", "sip:102@192.0.2.20:5081;transport=tls", BOB_TLS, Transport.TLS);
        SipResponse r = dial("102", sdp("192.0.2.10", 4000, "RTP/SAVP", line(1, ALICE_KEY)), Transport.UDP);
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.header(HeaderNames.WARNING)).hasValueSatisfying(w -> assertThat(w)
                .startsWith("302 switchboard").contains("RTP/SAVP needs TLS signalling"));
        assertThat(rig.requestsTo(BOB_TLS, "INVITE")).isEmpty();
        assertThat(rig.lastRecord().orElseThrow().cause()).isEqualTo(HangupCause.INCOMPATIBLE_DESTINATION);
    }

    @Test
    void bestEffortCryptoOverUdpIsIgnoredAndTheCallIsPlain() {
        rig.register("102", "sip:102@192.0.2.21:5090", BOB_UDP);
        dial("102", sdp("192.0.2.10", 4000, "RTP/AVP", line(1, ALICE_KEY)), Transport.UDP);
        SipRequest invite = inviteTo(BOB_UDP);
        assertThat(invite.bodyText()).doesNotContain("crypto", ALICE_KEY);
        rig.receive(Phones.answer(invite, 200, "OK", "mob", "sip:102@192.0.2.21:5090",
                Optional.of(sdp("192.0.2.21", 7000, "RTP/AVP"))), BOB_UDP);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains(" RTP/AVP ").doesNotContain("crypto");
        assertThat(callerEndpoint().inbound).isNull();
    }

    @Test
    void aRequiredCallerOnUdpIsRefusedBeforeAnythingRings() {
        rig.srtp("101", SrtpPolicy.REQUIRED);
        rig.register("102", "sip:102@192.0.2.21:5090", BOB_UDP);
        SipResponse r = dial("102", sdp("192.0.2.10", 4000, "RTP/AVP"), Transport.UDP);
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.header(HeaderNames.WARNING)).hasValue(
                "399 switchboard \"SRTP is required for extension 101: call over TLS (sips: or transport=tls)\"");
        assertThat(rig.requestsTo(BOB_UDP, "INVITE")).isEmpty();
        assertThat(rig.media.endpoints).as("no media ports taken").isEmpty();
    }

    @Test
    void aRequiredCallerOfferingPlainRtpOverTlsIsRefused() {
        rig.srtp("101", SrtpPolicy.REQUIRED);
        rig.register("102", "sip:102@192.0.2.21:5090", BOB_UDP);
        SipResponse r = dial("102", sdp("192.0.2.10", 4000, "RTP/AVP"), Transport.TLS);
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.header(HeaderNames.WARNING)).hasValue(
                "399 switchboard \"SRTP is required for extension 101: no a=crypto line\"");
        assertThat(rig.media.allocatedPairs()).isZero();
    }

    @Test
    void aRequiredCalleeRingsOnlyOnItsTlsPhonesWithRtpSavp() {
        rig.srtp("102", SrtpPolicy.REQUIRED);
        rig.register("102", "sip:102@192.0.2.20:5081;transport=tls", BOB_TLS, Transport.TLS);
        rig.register("102", "sip:102@192.0.2.21:5090", BOB_UDP);
        dial("102", sdp("192.0.2.10", 4000, "RTP/AVP"), Transport.UDP);
        assertThat(rig.requestsTo(BOB_UDP, "INVITE")).isEmpty();
        assertThat(inviteTo(BOB_TLS).bodyText()).as("required: RTP/SAVP even for a plain caller")
                .contains(" RTP/SAVP 0 101").contains("a=crypto:1 ").contains("a=crypto:2 ");

        SipRequest invite = inviteTo(BOB_TLS);
        rig.receive(Phones.answer(invite, 200, "OK", "bob", "sip:102@192.0.2.20:5081;transport=tls",
                Optional.of(sdp("192.0.2.20", 6000, "RTP/SAVP", line(2, BOB_KEY).replace("_80", "_32")))), BOB_TLS,
                Transport.TLS);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).as("Alice, on UDP, stays plain").contains(" RTP/AVP ").doesNotContain("crypto");
        assertThat(calleeEndpoint().inbound.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(callerEndpoint().inbound).isNull();
    }

    @Test
    void aRequiredCalleeWithoutATlsPhoneGets488NotRinging() {
        rig.srtp("102", SrtpPolicy.REQUIRED);
        rig.register("102", "sip:102@192.0.2.21:5090", BOB_UDP);
        SipResponse r = dial("102", sdp("192.0.2.10", 4000, "RTP/AVP"), Transport.UDP);
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.header(HeaderNames.WARNING)).hasValue(
                "399 switchboard \"Extension 102 requires SRTP and has no phone registered over TLS\"");
        assertThat(rig.requestsTo(BOB_UDP, "INVITE")).isEmpty();
    }

    @Test
    void anOptionalTlsCalleeIsOfferedBestEffortSrtpWhenTheCallerIsPlain() {
        rig.register("102", "sip:102@192.0.2.20:5081;transport=tls", BOB_TLS, Transport.TLS);
        dial("102", sdp("192.0.2.10", 4000, "RTP/AVP"), Transport.UDP);
        SipRequest invite = inviteTo(BOB_TLS);
        assertThat(invite.bodyText()).contains(" RTP/AVP 0 101").contains("a=crypto:1 ");

        // a phone without SRTP ignores the lines and answers plain: the call is plain
        rig.receive(Phones.answer(invite, 200, "OK", "bob", "sip:102@192.0.2.20:5081;transport=tls",
                Optional.of(sdp("192.0.2.20", 6000, "RTP/AVP"))), BOB_TLS, Transport.TLS);
        assertThat(rig.responsesTo(ALICE).getLast().status()).isEqualTo(200);
        assertThat(calleeEndpoint().inbound).isNull();
    }

    @Test
    void aBestEffortOfferTakenUpByTheCalleeEncryptsItsLegOnly() {
        rig.register("102", "sip:102@192.0.2.20:5081;transport=tls", BOB_TLS, Transport.TLS);
        dial("102", sdp("192.0.2.10", 4000, "RTP/AVP"), Transport.UDP);
        SipRequest invite = inviteTo(BOB_TLS);
        rig.receive(Phones.answer(invite, 200, "OK", "bob", "sip:102@192.0.2.20:5081;transport=tls",
                Optional.of(sdp("192.0.2.20", 6000, "RTP/AVP", line(1, BOB_KEY)))), BOB_TLS, Transport.TLS);
        assertThat(rig.responsesTo(ALICE).getLast().bodyText()).doesNotContain("crypto");
        assertThat(calleeEndpoint().inbound).isEqualTo(keysOf(BOB_KEY));
        assertThat(callerEndpoint().inbound).isNull();
    }

    @Test
    void aCalleeAnsweringRtpSavpWithoutKeyIsHungUpAndTheCallerToldWhy() {
        rig.register("102", "sip:102@192.0.2.20:5081;transport=tls", BOB_TLS, Transport.TLS);
        dial("102", sdp("192.0.2.10", 4000, "RTP/SAVP", line(1, ALICE_KEY)), Transport.TLS);
        SipRequest invite = inviteTo(BOB_TLS);
        rig.receive(Phones.answer(invite, 200, "OK", "bob", "sip:102@192.0.2.20:5081;transport=tls",
                Optional.of(sdp("192.0.2.20", 6000, "RTP/SAVP"))), BOB_TLS, Transport.TLS);
        assertThat(rig.requestsTo(BOB_TLS, "BYE")).hasSize(1);
        SipResponse r = rig.responsesTo(ALICE).getLast();
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.header(HeaderNames.WARNING)).hasValueSatisfying(w -> assertThat(w).contains("no a=crypto line"));
    }

    @Test
    void policyOffIgnoresCryptoAndRefusesRtpSavp() {
        rig.srtp("101", SrtpPolicy.OFF);
        rig.register("102", "sip:102@192.0.2.20:5081;transport=tls", BOB_TLS, Transport.TLS);
        SipResponse r = dial("102", sdp("192.0.2.10", 4000, "RTP/SAVP", line(1, ALICE_KEY)), Transport.TLS);
        assertThat(r.status()).isEqualTo(488);
        assertThat(r.header(HeaderNames.WARNING)).hasValueSatisfying(w -> assertThat(w)
                .isEqualTo("302 switchboard \"SRTP is off for extension 101: offer RTP/AVP\""));
    }

    @Test
    void reInvitesKeepTheKeysAndANewKeyFromThePhoneIsTaken() {
        srtpCall();
        SrtpKeys ourKeyForAlice = callerEndpoint().outbound;
        SrtpKeys ourKeyForBob = calleeEndpoint().outbound;

        // Alice moves her media with the same key: nothing changes for Bob but the re-offer
        rig.receive(alice.inDialog("INVITE", sdp("192.0.2.10", 4002, "RTP/SAVP", line(7, ALICE_KEY))), ALICE,
                Transport.TLS);
        SipRequest reinvite = rig.requestsTo(BOB_TLS, "INVITE").getLast();
        assertThat(reinvite.bodyText()).contains("a=sendrecv").contains(" RTP/SAVP ");
        List<CryptoAttribute> reoffered = CryptoAttribute.usable(audio(reinvite.bodyText()));
        assertThat(reoffered).as("our line in use, same tag, same key").singleElement()
                .satisfies(c -> assertThat(keysOf(c)).isEqualTo(ourKeyForBob));
        String newBobKey = "QUJjZGVmZ2hpSktMTU5PUFFSU1RVVldYWVphYmNk";
        rig.receive(Phones.answer(reinvite, 200, "OK", "bob", "sip:102@192.0.2.20:5081;transport=tls",
                Optional.of(sdp("192.0.2.20", 6000, "RTP/SAVP", line(1, newBobKey)))),
                BOB_TLS, Transport.TLS);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(keysOf(CryptoAttribute.usable(audio(ok.bodyText())).getFirst())).isEqualTo(ourKeyForAlice);
        assertThat(calleeEndpoint().inbound).as("Bob re-keyed").isEqualTo(keysOf(newBobKey));
        assertThat(calleeEndpoint().outbound).isEqualTo(ourKeyForBob);
        assertThat(callerEndpoint().inbound).isEqualTo(keysOf(ALICE_KEY));

        // Alice re-keys in her next re-offer: taken, our key for her stays
        rig.receive(alice.ack(), ALICE, Transport.TLS);
        String newAliceKey = "d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj";
        rig.receive(alice.inDialog("INVITE", sdp("192.0.2.10", 4000, "RTP/SAVP", line(7, newAliceKey))), ALICE,
                Transport.TLS);
        assertThat(callerEndpoint().inbound).isEqualTo(keysOf(newAliceKey));
        assertThat(callerEndpoint().outbound).isEqualTo(ourKeyForAlice);
    }

    @Test
    void aHoldOverSrtpIsAnsweredHereWithOurKeyInUseAndBobsLegStaysEncrypted() {
        srtpCall();
        SrtpKeys ourKeyForAlice = callerEndpoint().outbound;
        SrtpKeys bobKeys = calleeEndpoint().inbound;

        rig.receive(alice.inDialog("INVITE", sdp("192.0.2.10", 4000, "RTP/SAVP", line(7, ALICE_KEY))
                .replace("sendrecv", "sendonly")), ALICE, Transport.TLS);

        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        MediaDescription answer = audio(ok.bodyText());
        assertThat(answer.proto()).isEqualTo("RTP/SAVP");
        assertThat(ok.bodyText()).contains("a=recvonly").doesNotContain(ALICE_KEY, BOB_KEY);
        assertThat(CryptoAttribute.usable(answer)).as("our line in use, Alice's tag").singleElement().satisfies(c -> {
            assertThat(c.tag()).isEqualTo(7);
            assertThat(keysOf(c)).isEqualTo(ourKeyForAlice);
        });
        assertThat(rig.requestsTo(BOB_TLS, "INVITE")).as("no re-INVITE to Bob").hasSize(1);
        assertThat(calleeEndpoint().terminated()).as("Bob hears music").isPresent();
        assertThat(calleeEndpoint().inbound).as("his leg keeps its keys").isEqualTo(bobKeys);
        assertThat(callerEndpoint().inbound).isEqualTo(keysOf(ALICE_KEY));
    }

    @Test
    void aLateOfferCallGetsSrtpOnBothLegs() {
        rig.register("102", "sip:102@192.0.2.20:5081;transport=tls", BOB_TLS, Transport.TLS);
        dial("102", "", Transport.TLS);
        SipRequest invite = inviteTo(BOB_TLS);
        assertThat(invite.bodyLength()).isZero();
        rig.receive(Phones.answer(invite, 200, "OK", "bob", "sip:102@192.0.2.20:5081;transport=tls",
                Optional.of(sdp("192.0.2.20", 6000, "RTP/SAVP", line(3, BOB_KEY)))), BOB_TLS, Transport.TLS);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).as("our offer to Alice keeps Bob's RTP/SAVP").contains(" RTP/SAVP ")
                .contains("a=crypto:1 ").doesNotContain(BOB_KEY);
        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(sdp("192.0.2.10", 4000, "RTP/SAVP", line(2, ALICE_KEY).replace("_80", "_32"))), ALICE,
                Transport.TLS);
        assertThat(calleeEndpoint().inbound).isEqualTo(keysOf(BOB_KEY));
        assertThat(callerEndpoint().inbound.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        SipRequest ack = rig.requestsTo(BOB_TLS, "ACK").getLast();
        assertThat(CryptoAttribute.usable(audio(ack.bodyText()))).singleElement()
                .satisfies(c -> assertThat(c.tag()).isEqualTo(3));
    }
}
