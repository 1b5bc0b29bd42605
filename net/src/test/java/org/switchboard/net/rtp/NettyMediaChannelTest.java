package org.switchboard.net.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.LegAudioStats;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.channel.ToneSource;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfSource;
import org.switchboard.media.dtmf.TelephoneEventPacket;
import org.switchboard.media.dtmf.TelephoneEventSender;
import org.switchboard.media.relay.MediaConfig;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaTimeout;
import org.switchboard.media.relay.PortRange;
import org.switchboard.media.rtp.RtcpMux;
import org.switchboard.media.rtp.RtpView;

/**
 * Endpoints switched to TERMINATED, with real UDP sockets on loopback and phones that pace
 * their RTP every 20 ms: recording, playback, DTMF, transcoding, SRTP, and the way back to
 * relaying without losing what the latch learned.
 */
class NettyMediaChannelTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long OUR_SSRC = 0x5EC0_0001L;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ExecutorService callExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "call-executor"));
    private NettyMediaEndpoints media;

    @BeforeAll
    static void ciphersReady() throws InterruptedException {
        assertThat(SrtpCiphers.awaitReady(60, TimeUnit.SECONDS)).isTrue();
    }

    private void start(MediaConfig config) {
        media = NettyMediaEndpoints.start(RtpConfig.of(LOOPBACK, config).withIoThreads(2));
    }

    private void start() {
        start(MediaConfig.defaults().withPorts(new PortRange(24_000, 24_199)));
    }

    private <T extends AutoCloseable> T closing(T c) {
        toClose.add(c);
        return c;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) c.close();
        if (media != null) media.close();
        callExecutor.shutdownNow();
    }

    private static LegAudioConfig pcmu() {
        return LegAudioConfig.of(G711.PCMU, 0, "switchboard@test").withSsrc(OUR_SSRC);
    }

    /** A sink the test reads once {@code stopRecording} completed. */
    private static final class Recording implements AudioSink {
        private final int rate;
        private short[] data = new short[0];

        Recording(int rate) {
            this.rate = rate;
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public synchronized void write(short[] pcm, int off, int samples) {
            short[] more = Arrays.copyOf(data, data.length + samples);
            System.arraycopy(pcm, off, more, data.length, samples);
            data = more;
        }

        synchronized short[] samples() {
            return data.clone();
        }
    }

    private static LegAudioStats stats(MediaChannel channel) throws Exception {
        return channel.stats().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aTerminatedLegRecordsThePhonesToneInRealTime() throws Exception {
        start();
        TonePhone phone = closing(new TonePhone(G711.PCMU, 0));
        MediaEndpoint e = media.allocate("rec", "call-rec", t -> { });
        e.expectRemote(phone.address(), null);
        MediaChannel channel = e.terminate(pcmu(), callExecutor, LegAudioListener.IGNORE);
        Recording recording = new Recording(16000);
        channel.record(recording);
        stats(channel);  // the switch is applied: every packet from now on reaches the leg
        CountDownLatch sent = phone.sendPaced(50, e.localRtp(), i -> phone.tonePacket(1000));
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        await().until(() -> stats(channel).jitter().played() >= 48);
        channel.stopRecording(recording).toCompletableFuture().get(5, TimeUnit.SECONDS);

        short[] pcm = recording.samples();
        assertThat(pcm.length).as("about the second the phone spoke, in 20 ms frames").isBetween(16000, 24000);
        assertThat(TonePhone.levelDb(pcm, 3200, 16000, 1000, 16000)).isBetween(-12.0, -8.5);
        LegAudioStats s = stats(channel);
        assertThat(s.rtp().packetsReceived()).isEqualTo(50);
        assertThat(s.rtp().remoteSsrc()).hasValue(TonePhone.SSRC);
        assertThat(e.stats().packetsIn()).isEqualTo(50);
        assertThat(e.stats().rtpSource()).contains(phone.address());
    }

    @Test
    void playbackReachesThePhonePacedEvery20MillisecondsWithProperRtp() throws Exception {
        start();
        TonePhone phone = closing(new TonePhone(G711.PCMU, 0));
        MediaEndpoint e = media.allocate("play", "call-play", t -> { });
        e.expectRemote(phone.address(), null);
        BlockingQueue<String> finished = new LinkedBlockingQueue<>();
        MediaChannel channel = e.terminate(pcmu(), callExecutor, new LegAudioListener() {
            @Override
            public void onSourceFinished(AudioSource source) {
                finished.add(Thread.currentThread().getName());
            }
        });
        channel.play(new ToneSource(ToneList.parse("!1000/1000"), 8000, -10));
        List<TonePhone.Received> got = new ArrayList<>();
        while (got.size() < 60) {
            TonePhone.Received r = phone.receive();
            if (r.view().isValid() && r.view().payloadType() == 0) got.add(r);
        }
        RtpView first = got.getFirst().view();
        assertThat(first.ssrc()).isEqualTo(OUR_SSRC);
        for (int i = 1; i < got.size(); i++) {
            RtpView v = got.get(i).view();
            assertThat(v.sequence()).isEqualTo((first.sequence() + i) & 0xFFFF);
            assertThat(v.timestamp()).isEqualTo((first.timestamp() + 160L * i) & 0xFFFF_FFFFL);
        }
        double meanMillis = (got.getLast().atNanos() - got.get(10).atNanos()) / 49 / 1e6;
        assertThat(meanMillis).as("paced by the media clock").isBetween(18.0, 22.0);
        short[] heard = phone.decode(got);
        assertThat(TonePhone.levelDb(heard, 0, 50 * 160, 1000, 8000)).isBetween(-11.0, -9.0);
        assertThat(finished.poll(5, TimeUnit.SECONDS)).as("on the call's executor").isEqualTo("call-executor");
        assertThat(e.stats().packetsOut()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void relayedTerminatedRelayedMidStreamKeepsTheLatch() throws Exception {
        start();
        Phone alice = closing(new Phone("127.0.0.1"));
        Phone bob = closing(new Phone("127.0.0.1"));
        MediaEndpoint a = media.allocate("switch-a", "switch", t -> { });
        MediaEndpoint b = media.allocate("switch-b", "switch", t -> { });
        a.expectRemote(new InetSocketAddress("127.0.0.3", 9), null);  // only the latch finds Alice
        b.expectRemote(bob.address(), null);
        media.bridge(a, b);
        for (int seq = 1; seq <= 4; seq++) {
            alice.send(Phone.rtp(seq), a.localRtp());
            assertThat(bob.receive().data()).isEqualTo(Phone.rtp(seq));
        }
        await().until(() -> a.stats().locked());

        MediaChannel channel = a.terminate(pcmu(), callExecutor, LegAudioListener.IGNORE);
        channel.play(new ToneSource(ToneList.parse("440"), 8000));
        assertThat(ssrcOf(alice.receive().data())).as("Alice hears the server, at her learned address").isEqualTo(OUR_SSRC);
        bob.send(Phone.rtp(50), b.localRtp());
        alice.send(Phone.rtp(5), a.localRtp());
        await().until(() -> stats(channel).rtp().packetsReceived() == 1);
        await().until(() -> b.stats().dropped() == 1);  // Bob's packet, not relayed to a terminated leg

        channel.relay().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(channel.isTerminated()).isFalse();
        alice.send(Phone.rtp(6), a.localRtp());
        assertThat(bob.receive().data()).as("relayed again; Alice's packet 5 went to the server only")
                .isEqualTo(Phone.rtp(6));
        bob.send(Phone.rtp(51), b.localRtp());
        byte[] atAlice;
        do {
            atAlice = alice.receive().data();
            assertThat(samePayload(atAlice, Phone.rtp(50))).as("Bob's packet 50 was dropped while Alice was terminated")
                    .isFalse();
        } while (RtcpMux.isRtcpType(atAlice[1] & 0xFF) || !samePayload(atAlice, Phone.rtp(51)));  // the server's last packets
        assertThat(ssrcOf(atAlice)).as("renumbered to continue the server's stream (OutgoingStream)").isEqualTo(OUR_SSRC);
        assertThat(a.stats().locked()).isTrue();
        assertThat(a.stats().rtpSource()).contains(alice.address());
        channel.play(new ToneSource(ToneList.parse("440"), 8000));  // a dead handle does nothing
    }

    private static boolean samePayload(byte[] packet, byte[] other) {
        return Arrays.equals(packet, 12, packet.length, other, 12, other.length);
    }

    private static long ssrcOf(byte[] packet) {
        RtpView v = new RtpView();
        v.wrap(packet, 0, packet.length);
        return v.ssrc();
    }

    @Test
    void keyPressesReachTheListenerOnTheCallsExecutor() throws Exception {
        start();
        TonePhone phone = closing(new TonePhone(G711.PCMU, 0));
        MediaEndpoint e = media.allocate("keys", "call-keys", t -> { });
        BlockingQueue<String> digits = new LinkedBlockingQueue<>();
        e.terminate(pcmu().withTelephoneEvent(101, 8000), callExecutor, new LegAudioListener() {
            @Override
            public void onDigit(DtmfEvent event) {
                digits.add(event.digit().symbol() + " " + event.source() + " " + Thread.currentThread().getName());
            }
        });
        List<TelephoneEventPacket> press = new TelephoneEventSender(8000, 20, 10)
                .schedule(DtmfDigit.POUND, 100, (int) phone.timestamp(), 0);
        CountDownLatch sent = phone.sendPaced(press.size() + 5, e.localRtp(), i -> {
            if (i < 5) return phone.tonePacket(1000);
            TelephoneEventPacket p = press.get(i - 5);
            byte[] payload = new byte[4];
            p.writePayload(payload, 0);
            return phone.packet(101, p.marker(), p.timestamp() & 0xFFFF_FFFFL, payload);
        });
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(digits.poll(5, TimeUnit.SECONDS)).isEqualTo("# " + DtmfSource.TELEPHONE_EVENT + " call-executor");
    }

    @Test
    void twoLegsWithoutACommonCodecHearEachOtherThroughTheServer() throws Exception {
        start();
        TonePhone alice = closing(new TonePhone(G711.PCMU, 0));
        TonePhone bob = closing(new TonePhone(G722.INSTANCE, 9));
        MediaEndpoint a = media.allocate("tx-a", "transcode", t -> { });
        MediaEndpoint b = media.allocate("tx-b", "transcode", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        MediaChannel ca = a.terminate(pcmu(), callExecutor, LegAudioListener.IGNORE);
        MediaChannel cb = b.terminate(LegAudioConfig.of(G722.INSTANCE, 9, "switchboard@test"), callExecutor,
                LegAudioListener.IGNORE);
        ca.connect(cb);
        CountDownLatch sent = alice.sendPaced(75, a.localRtp(), i -> alice.tonePacket(1000));
        List<TonePhone.Received> atBob = new ArrayList<>();
        while (atBob.size() < 75) {
            TonePhone.Received r = bob.receive();
            if (r.view().isValid() && r.view().payloadType() == 9) atBob.add(r);
        }
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        short[] heard = bob.decode(atBob);
        assertThat(TonePhone.levelDb(heard, 20 * 320, 60 * 320, 1000, 16000)).isBetween(-12.5, -8.5);

        MediaEndpoint elsewhere = media.allocate("other", "another-call", t -> { });
        MediaChannel foreign = elsewhere.terminate(pcmu(), callExecutor, LegAudioListener.IGNORE);
        if (((NettyMediaEndpoint) elsewhere).loop() != ((NettyMediaEndpoint) a).loop()) {
            assertThatThrownBy(() -> ca.connect(foreign)).hasMessageContaining("different media threads");
        }
        assertThatThrownBy(() -> ca.connect(ca)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void srtpIsDecryptedBeforeTheLegAndEncryptedAfterIt() throws Exception {
        start();
        TonePhone phone = closing(new TonePhone(G711.PCMU, 0));
        MediaEndpoint e = media.allocate("secure", "call-secure", t -> { });
        e.expectRemote(phone.address(), null);
        e.useSrtp(NettyMediaEndpointsSrtpTest.keys(1), NettyMediaEndpointsSrtpTest.keys(2));
        SrtpDirection phoneSends = SrtpDirection.sending(NettyMediaEndpointsSrtpTest.keys(1));
        SrtpDirection phoneHears = SrtpDirection.receiving(NettyMediaEndpointsSrtpTest.keys(2));
        MediaChannel channel = e.terminate(pcmu(), callExecutor, LegAudioListener.IGNORE);
        Recording recording = new Recording(8000);
        channel.record(recording);
        channel.play(new ToneSource(ToneList.parse("600"), 8000, -10));
        CountDownLatch sent = phone.sendPaced(50, e.localRtp(), i -> {
            PacketBuffer p = PacketBuffer.of(SrtpDirectionTest.buffer(phone.tonePacket(1000)));
            phoneSends.protect(p, false);
            return SrtpDirectionTest.bytes(p);
        });
        List<TonePhone.Received> got = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] wire = phone.receive().data();
            if ((wire[1] & 0xFF) >= 192 && (wire[1] & 0xFF) <= 223) continue;
            PacketBuffer p = PacketBuffer.of(SrtpDirectionTest.buffer(wire));
            assertThat(phoneHears.unprotect(p, false)).isEqualTo(SrtpDirection.Outcome.OK);
            got.add(new TonePhone.Received(SrtpDirectionTest.bytes(p), 0));
        }
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(TonePhone.levelDb(phone.decode(got), 1600, 40 * 160, 600, 8000)).isBetween(-11.0, -9.0);
        await().untilAsserted(() -> assertThat(stats(channel).jitter().played()).as("%s", e.stats()).isGreaterThanOrEqualTo(45));
        channel.stopRecording(recording).toCompletableFuture().get(5, TimeUnit.SECONDS);
        short[] pcm = recording.samples();
        assertThat(TonePhone.levelDb(pcm, 1600, pcm.length - 1600, 1000, 8000)).isGreaterThan(-13);
        assertThat(e.stats().authFailures()).isZero();
    }

    @Test
    void aSilentTerminatedLegTimesOutEvenUnbridgedAndClosingStopsItsClock() throws Exception {
        start(MediaConfig.defaults().withPorts(new PortRange(24_200, 24_299))
                .withMediaTimeout(Duration.ofMillis(200)).withSweepInterval(Duration.ofMillis(20)));
        BlockingQueue<MediaTimeout> timeouts = new LinkedBlockingQueue<>();
        MediaEndpoint idle = media.allocate("idle", "call-idle", timeouts::add);
        MediaEndpoint e = media.allocate("voicemail", "call-vm", timeouts::add);
        MediaChannel channel = e.terminate(pcmu(), callExecutor, LegAudioListener.IGNORE);
        MediaTimeout t = timeouts.poll(5, TimeUnit.SECONDS);
        assertThat(t).isNotNull();
        assertThat(t.legId()).as("the idle unbridged relayed leg is not watched").isEqualTo("voicemail");
        NettyMediaEndpoint endpoint = (NettyMediaEndpoint) e;
        assertThat(endpoint.owner().ticker(endpoint.loop()).size()).isEqualTo(1);
        e.close();
        await().until(() -> !channel.isTerminated());
        await().until(() -> endpoint.owner().ticker(endpoint.loop()).size() == 0);
        assertThat(idle.isOpen()).isTrue();
    }

    @Test
    void handingBadArgumentsFailsOnTheCallersThread() throws Exception {
        start();
        MediaEndpoint e = media.allocate("bad", "call-bad", t -> { });
        MediaChannel channel = e.terminate(pcmu(), callExecutor, LegAudioListener.IGNORE);
        assertThatThrownBy(() -> channel.sendDtmf(DtmfDigit.ONE, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.terminate(null, callExecutor, LegAudioListener.IGNORE))
                .isInstanceOf(NullPointerException.class);
        channel.sendDtmf(DtmfDigit.ONE, 100);
        assertThat(stats(channel).rtp().localSsrc()).isEqualTo(OUR_SSRC);
    }
}
