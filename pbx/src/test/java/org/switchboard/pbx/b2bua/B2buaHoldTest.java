package org.switchboard.pbx.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.wav.WavWriter;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.pbx.call.LegSnapshot;
import org.switchboard.pbx.moh.MusicOnHold;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * Hold and music on hold through the B2BUA ({@link Hold}): the holding phone is answered by the
 * server, the other party's leg is terminated and plays the bundled music (or the holding
 * extension's own class), resume relays again.
 */
class B2buaHoldTest {
    static final InetSocketAddress ALICE = new InetSocketAddress("192.0.2.10", 5070);
    static final InetSocketAddress BOB = new InetSocketAddress("192.0.2.20", 5080);

    @TempDir Path data;
    B2buaRig rig = rig(MusicOnHold.bundled());
    final Phones.Caller alice = new Phones.Caller(ALICE);
    Phones.Callee bob;

    /** A rig whose held parties hear {@code moh}, with Bob (102) registered. */
    static B2buaRig rig(MusicOnHold moh) {
        B2buaRig rig = new B2buaRig(Duration.ofSeconds(1800), moh);
        rig.register("102", "sip:102@192.0.2.20:5080", BOB);
        return rig;
    }

    /** A class folder {@code DATA/moh/CLASS/} with one second of 8 kHz mono whose every sample is {@code value}. */
    void musicClass(String name, short value) throws IOException {
        Path folder = Files.createDirectories(data.resolve(MusicOnHold.FOLDER).resolve(name));
        short[] pcm = new short[8000];
        Arrays.fill(pcm, value);
        try (WavWriter w = WavWriter.create(folder.resolve("only-track.wav"), 8000, 1)) {
            w.write(pcm, 0, pcm.length);
            w.commit();
        }
    }

    /** Alice calls Bob with {@code aliceSdp}, Bob answers with {@code bobSdp}, Alice ACKs. */
    void call(String aliceSdp, String bobSdp) {
        rig.receive(alice.invite("102", aliceSdp), ALICE);
        SipResponse challenge = rig.responsesTo(ALICE).getLast();
        alice.challengedBy(challenge);
        rig.receive(alice.ackFailure(challenge), ALICE);
        rig.receive(alice.invite("102", aliceSdp), ALICE);
        SipRequest invite = rig.requestsTo(BOB, "INVITE").getFirst();
        rig.receive(Phones.answer(invite, 200, "OK", "bob", "sip:102@192.0.2.20:5080", Optional.of(bobSdp)), BOB);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        alice.toTag = ok.to().tag().orElseThrow();
        rig.receive(alice.ack(), ALICE);
        bob = new Phones.Callee(BOB, invite, "bob");
    }

    void call() {
        call(Phones.sdp("192.0.2.10", 4000, "sendrecv"), Phones.sdp("192.0.2.20", 6000, "sendrecv"));
    }

    /** Alice sends a re-INVITE with {@code sdp}; returns the server's final answer to it, ACKed. */
    SipResponse aliceOffers(String sdp) {
        rig.receive(alice.inDialog("INVITE", sdp), ALICE);
        SipResponse r = rig.responsesTo(ALICE).getLast();
        if (r.status() == 200) rig.receive(alice.ack(), ALICE);
        return r;
    }

    SipResponse bobOffers(String sdp) {
        rig.receive(bob.inDialog("INVITE", sdp), BOB);
        SipResponse r = rig.responsesTo(BOB).getLast();
        if (r.status() == 200) rig.receive(bob.ack(), BOB);
        return r;
    }

    B2buaRig.FakeEndpoint aliceLeg() { return rig.media.endpoints.get(0); }

    B2buaRig.FakeEndpoint bobLeg() { return rig.media.endpoints.get(1); }

    String legState(String legSuffix) {
        return rig.b2bua.liveCalls().snapshot().getFirst().legs().stream().filter(l -> l.id().endsWith(legSuffix))
                .map(LegSnapshot::state).findFirst().orElseThrow();
    }

    /** The RMS level of the next second of {@code source}, in dBFS. */
    static double levelDbfs(AudioSource source) {
        short[] pcm = new short[source.sampleRate()];
        int n = source.read(pcm, 0, pcm.length);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += (pcm[i] / 32768.0) * (pcm[i] / 32768.0);
        return 10 * Math.log10(sum / Math.max(1, n));
    }

    @Test
    void aHoldIsAnsweredByTheServerAndTheOtherPartyHearsMusic() {
        call();
        SipResponse ok = aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendonly"));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("a=recvonly").contains("c=IN IP4 127.0.0.5")
                .contains("m=audio " + aliceLeg().ports().rtp() + " RTP/AVP 0 101").contains("a=rtpmap:101 telephone-event/8000")
                .doesNotContain("192.0.2.20").contains("o=switchboard");
        assertThat(rig.requestsTo(BOB, "INVITE")).as("Bob's phone sees no re-INVITE").hasSize(1);

        B2buaRig.FakeChannel music = bobLeg().terminated().orElseThrow();
        LegAudioConfig config = music.config;
        assertThat(config.codec().encodingName()).isEqualTo("PCMU");
        assertThat(config.payloadType()).isZero();
        assertThat(config.telephoneEventPayloadType()).isEqualTo(101);
        AudioSource playing = music.playing().orElseThrow();
        assertThat(playing.sampleRate()).isEqualTo(8000);
        assertThat(levelDbfs(playing)).as("the bundled music, well above silence").isGreaterThan(-30);
        assertThat(aliceLeg().terminated()).as("Alice's leg stays relayed").isEmpty();
        assertThat(aliceLeg().suspended).as("no media timeout while held").isTrue();
        assertThat(bobLeg().suspended).isTrue();
        assertThat(legState("-a")).isEqualTo("HOLDING");
        assertThat(legState("-b1")).isEqualTo("HELD");
    }

    @Test
    void theHeldPartyHearsTheHoldingExtensionsClassAndTheOtherWayTheDefault() throws IOException {
        musicClass("jazz", (short) 1234);
        rig = rig(MusicOnHold.of(data.resolve(MusicOnHold.FOLDER), MusicOnHold.DEFAULT_CLASS));
        call();
        rig.mohClass("101", "jazz");

        aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendonly"));
        AudioSource jazz = bobLeg().terminated().orElseThrow().playing().orElseThrow();
        short[] heard = new short[1600];
        assertThat(jazz.read(heard, 0, heard.length)).isEqualTo(heard.length);
        assertThat(heard).as("Bob hears the file of Alice's class 'jazz', set during the call").containsOnly((short) 1234);

        aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendrecv"));
        bobOffers(Phones.sdp("192.0.2.20", 6000, "sendonly"));
        AudioSource music = aliceLeg().terminated().orElseThrow().playing().orElseThrow();
        assertThat(levelDbfs(music)).as("Bob's extension has no class: the bundled default").isGreaterThan(-30);
    }

    @Test
    void aClassWithoutFilesPlaysTheServersDefaultClass() throws IOException {
        musicClass("piano", (short) -777);
        Files.createDirectories(data.resolve(MusicOnHold.FOLDER).resolve("empty"));
        rig = rig(MusicOnHold.of(data.resolve(MusicOnHold.FOLDER), "piano"));
        rig.mohClass("101", "empty");
        call();

        aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendonly"));

        short[] heard = new short[160];
        bobLeg().terminated().orElseThrow().playing().orElseThrow().read(heard, 0, heard.length);
        assertThat(heard).as("moh.default-class 'piano', not silence nor the bundled music").containsOnly((short) -777);
        assertThat(legState("-b1")).isEqualTo("HELD");
    }

    @Test
    void resumeRelaysAgainAndBridgesTheLegs() {
        call();
        aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendonly"));
        B2buaRig.FakeChannel music = bobLeg().terminated().orElseThrow();
        int bridges = rig.media.bridges.size();

        SipResponse ok = aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendrecv"));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("a=sendrecv").contains("m=audio " + aliceLeg().ports().rtp());
        assertThat(rig.requestsTo(BOB, "INVITE")).hasSize(1);
        assertThat(music.relayed).isTrue();
        assertThat(bobLeg().terminated()).isEmpty();
        assertThat(rig.media.bridges).hasSize(bridges + 1);
        assertThat(aliceLeg().suspended).isFalse();
        assertThat(legState("-a")).isEqualTo("ANSWERED");
        assertThat(legState("-b1")).isEqualTo("ANSWERED");
    }

    @Test
    void anInactiveHoldIsAnsweredInactive() {
        call();
        SipResponse ok = aliceOffers(Phones.sdp("192.0.2.10", 4000, "inactive"));
        assertThat(ok.bodyText()).contains("a=inactive").doesNotContain("a=recvonly");
        assertThat(bobLeg().terminated()).isPresent();
    }

    @Test
    void anOldStyleHoldWithAddressZeroIsAHoldToo() {
        call();
        SipResponse ok = aliceOffers(Phones.sdp("0.0.0.0", 4000, "sendrecv"));
        assertThat(ok.bodyText()).as("RFC 3264 §8.4: c=0.0.0.0 does not receive").contains("a=recvonly")
                .contains("c=IN IP4 127.0.0.5");
        assertThat(bobLeg().terminated()).isPresent();
        assertThat(aliceLeg().suspended).isTrue();
    }

    @Test
    void aHoldByUpdateIsAnsweredTheSameWay() {
        call();
        rig.receive(alice.inDialog("UPDATE", Phones.sdp("192.0.2.10", 4000, "sendonly")), ALICE);
        SipResponse ok = rig.responsesTo(ALICE).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).contains("a=recvonly");
        assertThat(rig.requestsTo(BOB, "UPDATE")).isEmpty();
        assertThat(bobLeg().terminated()).isPresent();
    }

    @Test
    void theHoldingPhonesRefreshIsAnsweredAgainWithTheSameDescription() {
        call();
        SipResponse first = aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendonly"));
        B2buaRig.FakeChannel music = bobLeg().terminated().orElseThrow();
        SipResponse again = aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendonly"));
        assertThat(again.bodyText()).as("same o= version: nothing changed (RFC 3264 §8)").isEqualTo(first.bodyText());
        assertThat(bobLeg().terminated()).hasValue(music);
        assertThat(rig.requestsTo(BOB, "INVITE")).hasSize(1);
    }

    @Test
    void whenBothHoldNobodyHearsMusicAndTheFirstToResumeHearsIt() {
        call();
        aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendonly"));
        assertThat(bobLeg().terminated()).isPresent();

        SipResponse bobHolds = bobOffers(Phones.sdp("192.0.2.20", 6000, "sendonly"));
        assertThat(bobHolds.status()).isEqualTo(200);
        assertThat(bobHolds.bodyText()).contains("a=recvonly").contains("m=audio " + bobLeg().ports().rtp());
        assertThat(rig.requestsTo(ALICE, "INVITE")).as("Alice's phone sees no re-INVITE").isEmpty();
        assertThat(bobLeg().terminated()).as("Bob asked to receive nothing").isEmpty();
        assertThat(aliceLeg().terminated()).isEmpty();
        assertThat(legState("-a")).isEqualTo("HOLDING");
        assertThat(legState("-b1")).isEqualTo("HOLDING");

        aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendrecv"));
        assertThat(aliceLeg().terminated()).as("Bob still holds Alice").isPresent();
        assertThat(bobLeg().terminated()).isEmpty();

        bobOffers(Phones.sdp("192.0.2.20", 6000, "sendrecv"));
        assertThat(aliceLeg().terminated()).isEmpty();
        assertThat(bobLeg().terminated()).isEmpty();
        assertThat(legState("-a")).isEqualTo("ANSWERED");
    }

    @Test
    void theHeldPartyMovingItsMediaIsAnsweredHereAndKeepsItsMusic() {
        call();
        aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendonly"));
        B2buaRig.FakeChannel music = bobLeg().terminated().orElseThrow();

        SipResponse ok = bobOffers(Phones.sdp("192.0.2.22", 6100, "sendrecv"));

        assertThat(ok.bodyText()).contains("a=sendrecv").contains("m=audio " + bobLeg().ports().rtp());
        assertThat(bobLeg().remotes).contains(new InetSocketAddress("192.0.2.22", 6100));
        assertThat(bobLeg().terminated()).hasValue(music);
        assertThat(rig.requestsTo(ALICE, "INVITE")).isEmpty();
    }

    @Test
    void aByeWhileHeldEndsTheCallAndFreesEverything() {
        call();
        aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendonly"));
        B2buaRig.FakeChannel music = bobLeg().terminated().orElseThrow();
        AudioSource playing = music.playing().orElseThrow();

        rig.receive(bob.inDialog("BYE", ""), BOB);

        assertThat(rig.responsesTo(BOB).getLast().status()).isEqualTo(200);
        assertThat(rig.requestsTo(ALICE, "BYE")).hasSize(1);
        assertThat(music.isTerminated()).isFalse();
        assertThat(playing.read(new short[160], 0, 160)).as("the music was closed").isZero();
        assertThat(rig.media.allocatedPairs()).isZero();
        assertThat(rig.b2bua.liveCount()).isZero();
        CallRecord r = rig.lastRecord().orElseThrow();
        assertThat(r.ended()).isTrue();
        assertThat(r.hangupSide()).isEqualTo(HangupSide.CALLEE);
    }

    @Test
    void aCodecChangeWhileHeldIsPassedOnAndAReInviteMeanwhileGets491() {
        call();
        aliceOffers(Phones.sdp("192.0.2.10", 4000, "sendonly"));
        B2buaRig.FakeChannel music = bobLeg().terminated().orElseThrow();

        rig.receive(bob.inDialog("INVITE", pcmaOnly("192.0.2.20", 6000, "sendrecv")), BOB);
        SipRequest toAlice = rig.requestsTo(ALICE, "INVITE").getLast();
        assertThat(toAlice.bodyText()).as("a codec change cannot be answered here").contains("RTP/AVP 8");

        rig.receive(alice.inDialog("INVITE", Phones.sdp("192.0.2.10", 4000, "sendrecv")), ALICE);
        SipResponse glare = rig.responsesTo(ALICE).getLast();
        assertThat(glare.status()).isEqualTo(491);
        assertThat(glare.header(HeaderNames.RETRY_AFTER)).isPresent();

        rig.receive(Phones.answer(toAlice, 200, "OK", "caller-tag", "sip:101@192.0.2.10:5070",
                Optional.of(pcmaOnly("192.0.2.10", 4000, "sendonly"))), ALICE);
        SipResponse ok = rig.responsesTo(BOB).getLast();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bodyText()).as("Bob now learns of the hold from Alice's answer").contains("a=sendonly");
        assertThat(music.relayed).as("the server holds nothing any more").isTrue();
        assertThat(bobLeg().terminated()).isEmpty();
        assertThat(legState("-a")).isEqualTo("ANSWERED");
    }

    @Test
    void aHoldInACodecTheServerCannotSpeakIsPassedOnAsBefore() {
        call(opus("192.0.2.10", 4000, "sendrecv"), opus("192.0.2.20", 6000, "sendrecv"));
        rig.receive(alice.inDialog("INVITE", opus("192.0.2.10", 4000, "sendonly")), ALICE);
        assertThat(rig.requestsTo(BOB, "INVITE")).as("passed on to Bob").hasSize(2)
                .last().satisfies(r -> assertThat(r.bodyText()).contains("a=sendonly"));
        assertThat(bobLeg().channels).isEmpty();
    }

    static String pcmaOnly(String ip, int port, String direction) {
        return Phones.sdp(ip, port, direction).replace("RTP/AVP 0 101", "RTP/AVP 8 101")
                .replace("a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000");
    }

    static String opus(String ip, int port, String direction) {
        return Phones.sdp(ip, port, direction).replace("RTP/AVP 0 101", "RTP/AVP 111 101")
                .replace("a=rtpmap:0 PCMU/8000", "a=rtpmap:111 opus/48000/2");
    }
}
