package org.switchboard.net.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.codec.G711;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.TelephoneEventPacket;
import org.switchboard.media.dtmf.TelephoneEventSender;
import org.switchboard.media.record.AudioStereoSink;
import org.switchboard.media.record.CallTap;
import org.switchboard.media.record.Party;
import org.switchboard.media.record.RecordingFormat;
import org.switchboard.media.record.StereoWavSink;
import org.switchboard.media.record.TapListener;
import org.switchboard.media.relay.MediaConfig;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.PortRange;
import org.switchboard.media.relay.SrtpKeys;
import org.switchboard.media.wav.WavReader;

/**
 * Calls recorded through a tap on real UDP sockets on loopback, with phones that pace a tone
 * every 20 ms: relayed, terminated, key presses, and the relay untouched with the tap on or off.
 */
class NettyCallTapTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final RecordingFormat PCMU = RecordingFormat.of(G711.PCMU, 0).withTelephoneEvent(101, 8000);

    @TempDir Path dir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ExecutorService callExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "call-executor"));
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final TapListener listener = new TapListener() {
        @Override
        public void onDigit(Party party, DtmfEvent event) {
            events.add(party + " " + event.digit().symbol() + " " + Thread.currentThread().getName());
        }

        @Override
        public void onRecordingFailed(AudioStereoSink sink, String reason) {
            events.add("failed " + reason);
        }
    };
    private NettyMediaEndpoints media;

    @BeforeAll
    static void ciphersReady() throws InterruptedException {
        assertThat(SrtpCiphers.awaitReady(60, TimeUnit.SECONDS)).isTrue();
    }

    private void start() {
        media = NettyMediaEndpoints.start(RtpConfig.of(LOOPBACK, MediaConfig.defaults()
                .withPorts(new PortRange(25_000, 25_199))).withIoThreads(2));
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

    /** A relayed call: the WAV has Alice's 440 Hz on the left, Bob's 1 kHz on the right; the relay passes every packet as it was. */
    @Test
    void aRelayedCallIsRecordedInStereoWhileThePacketsPassUntouched() throws Exception {
        start();
        TonePhone alice = closing(new TonePhone(G711.PCMU, 0));
        TonePhone bob = closing(new TonePhone(G711.PCMU, 0));
        MediaEndpoint a = media.allocate("rec-a", "rec", t -> { });
        MediaEndpoint b = media.allocate("rec-b", "rec", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        media.bridge(a, b);
        CallTap tap = media.tap(a, PCMU, b, PCMU, callExecutor, listener);
        assertThat(tap.sampleRate()).isEqualTo(8000);
        HeardSink sink = new HeardSink(dir.resolve("relayed.wav"));
        long began = System.nanoTime();
        tap.record(sink);

        List<byte[]> sentByAlice = new ArrayList<>();
        CountDownLatch aliceDone = alice.sendPaced(100, a.localRtp(), i -> {
            byte[] p = alice.tonePacket(440);
            synchronized (sentByAlice) {
                sentByAlice.add(p);
            }
            return p;
        });
        CountDownLatch bobDone = bob.sendPaced(100, b.localRtp(), i -> bob.tonePacket(1000));
        List<byte[]> atBob = new ArrayList<>();
        for (int i = 0; i < 100; i++) atBob.add(bob.receive().data());
        assertThat(aliceDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bobDone.await(10, TimeUnit.SECONDS)).isTrue();
        await().until(() -> sink.leftHeard >= 98 && sink.rightHeard >= 98);
        tap.stopRecording().toCompletableFuture().get(5, TimeUnit.SECONDS);
        long ranMillis = (System.nanoTime() - began) / 1_000_000;
        sink.file.commit();

        assertThat(atBob).as("the relay's bytes, tap or not").containsExactlyElementsOf(sentByAlice);
        Stereo wav = Stereo.read(dir.resolve("relayed.wav"));
        assertThat(wav.millis()).as("as long as it ran, in 20 ms frames").isBetween(1960L, ranMillis + 20);
        int to = wav.left.length;
        assertThat(levelWhereHeard(wav.left, 440)).isGreaterThan(-16);
        assertThat(TonePhone.levelDb(wav.left, 0, to, 1000, 8000)).isLessThan(-45);
        assertThat(levelWhereHeard(wav.right, 1000)).isGreaterThan(-16);
        assertThat(TonePhone.levelDb(wav.right, 0, to, 440, 8000)).isLessThan(-45);
        tap.close().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** With the tap closed the endpoints relay as before and forget it. */
    @Test
    void aClosedTapLeavesTheRelayAsItWas() throws Exception {
        start();
        Phone alice = closing(new Phone("127.0.0.1"));
        Phone bob = closing(new Phone("127.0.0.1"));
        var a = (NettyMediaEndpoint) media.allocate("off-a", "off", t -> { });
        var b = (NettyMediaEndpoint) media.allocate("off-b", "off", t -> { });
        b.expectRemote(bob.address(), null);
        a.expectRemote(alice.address(), null);
        media.bridge(a, b);
        CallTap tap = media.tap(a, PCMU, b, PCMU, callExecutor, listener);
        alice.send(Phone.rtp(1), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(1));
        assertThat(onLoop(a, () -> a.tap != null && b.tap != null)).isTrue();

        tap.close().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(onLoop(a, () -> a.tap == null && b.tap == null)).isTrue();
        alice.send(Phone.rtp(2), a.localRtp());
        assertThat(bob.receive().data()).isEqualTo(Phone.rtp(2));
        bob.send(Phone.rtp(3), b.localRtp());
        assertThat(alice.receive().data()).isEqualTo(Phone.rtp(3));
        assertThat(a.stats().dropped()).isZero();
        assertThat(media.ticker(a.loop()).size()).isZero();
    }

    /** A leg terminated for music is still recorded: the tap sees what its phone sends in either mode. */
    @Test
    void aTerminatedLegIsRecordedToo() throws Exception {
        start();
        TonePhone alice = closing(new TonePhone(G711.PCMU, 0));
        TonePhone bob = closing(new TonePhone(G711.PCMU, 0));
        MediaEndpoint a = media.allocate("term-a", "term", t -> { });
        MediaEndpoint b = media.allocate("term-b", "term", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        media.bridge(a, b);
        a.terminate(LegAudioConfig.of(G711.PCMU, 0, "switchboard@test"), callExecutor, LegAudioListener.IGNORE)
                .stats().toCompletableFuture().get(5, TimeUnit.SECONDS);
        CallTap tap = media.tap(a, PCMU, b, PCMU, callExecutor, listener);
        HeardSink sink = new HeardSink(dir.resolve("terminated.wav"));
        tap.record(sink);
        CountDownLatch aliceDone = alice.sendPaced(50, a.localRtp(), i -> alice.tonePacket(440));
        CountDownLatch bobDone = bob.sendPaced(50, b.localRtp(), i -> bob.tonePacket(1000));
        assertThat(aliceDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bobDone.await(10, TimeUnit.SECONDS)).isTrue();
        await().until(() -> sink.leftHeard >= 48 && sink.rightHeard >= 48);
        tap.close().toCompletableFuture().get(5, TimeUnit.SECONDS);
        sink.file.commit();

        Stereo wav = Stereo.read(dir.resolve("terminated.wav"));
        assertThat(wav.millis()).isGreaterThan(960);
        assertThat(levelWhereHeard(wav.left, 440)).isGreaterThan(-16);
        assertThat(levelWhereHeard(wav.right, 1000)).isGreaterThan(-16);
    }

    /** Alice speaks SRTP: the tap hears her decrypted, and Bob still gets her packets as plain RTP. */
    @Test
    void anSrtpLegIsRecordedDecrypted() throws Exception {
        start();
        TonePhone alice = closing(new TonePhone(G711.PCMU, 0));
        Phone bob = closing(new Phone("127.0.0.1"));
        MediaEndpoint a = media.allocate("srtp-a", "srtp", t -> { });
        MediaEndpoint b = media.allocate("srtp-b", "srtp", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        SrtpKeys aliceKey = NettyMediaEndpointsSrtpTest.keys(1);
        a.useSrtp(aliceKey, NettyMediaEndpointsSrtpTest.keys(2));
        media.bridge(a, b);
        SrtpDirection aliceSends = SrtpDirection.sending(aliceKey);
        CallTap tap = media.tap(a, PCMU, b, PCMU, callExecutor, listener);
        HeardSink sink = new HeardSink(dir.resolve("srtp.wav"));
        tap.record(sink);
        CountDownLatch sent = alice.sendPaced(50, a.localRtp(), i -> {
            ByteBuf buf = Unpooled.buffer(400).writeBytes(alice.tonePacket(440));
            PacketBuffer p = PacketBuffer.of(buf);
            assertThat(aliceSends.protect(p, false)).isEqualTo(SrtpDirection.Outcome.OK);
            return SrtpDirectionTest.bytes(p);
        });
        for (int i = 0; i < 50; i++) assertThat(bob.receive().data()[1] & 0x7F).isZero();
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        await().until(() -> sink.leftHeard >= 48);
        tap.close().toCompletableFuture().get(5, TimeUnit.SECONDS);
        sink.file.commit();

        Stereo wav = Stereo.read(dir.resolve("srtp.wav"));
        assertThat(levelWhereHeard(wav.left, 440)).isGreaterThan(-16);
        assertThat(wav.right).containsOnly((short) 0);
    }

    /** Armed, before any recording: Bob's * and 1 reach the listener on the call's executor. */
    @Test
    void keyPressesAreReportedWhileArmed() throws Exception {
        start();
        TonePhone alice = closing(new TonePhone(G711.PCMU, 0));
        TonePhone bob = closing(new TonePhone(G711.PCMU, 0));
        MediaEndpoint a = media.allocate("keys-a", "keys", t -> { });
        MediaEndpoint b = media.allocate("keys-b", "keys", t -> { });
        a.expectRemote(alice.address(), null);
        b.expectRemote(bob.address(), null);
        media.bridge(a, b);
        media.tap(a, PCMU, b, PCMU, callExecutor, listener);
        await().until(() -> onLoop((NettyMediaEndpoint) b, () -> ((NettyMediaEndpoint) b).tap != null));

        TelephoneEventSender sender = new TelephoneEventSender(8000, 20, 10);
        List<TelephoneEventPacket> presses = new ArrayList<>(sender.schedule(DtmfDigit.STAR, 100, 1000, 0));
        presses.addAll(sender.schedule(DtmfDigit.ONE, 100, 5000, 0));
        CountDownLatch sent = bob.sendPaced(presses.size(), b.localRtp(), i -> {
            TelephoneEventPacket p = presses.get(i);
            byte[] payload = new byte[4];
            p.writePayload(payload, 0);
            return bob.packet(101, p.marker(), p.timestamp() & 0xFFFF_FFFFL, payload);
        });
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("CALLEE * call-executor");
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("CALLEE 1 call-executor");
        // the events were relayed to Alice as they came
        assertThat(alice.receive().view().payloadType()).isEqualTo(101);
    }

    @Test
    void theTapEndsOnceBothEndpointsAreClosed() throws Exception {
        start();
        var a = (NettyMediaEndpoint) media.allocate("end-a", "end", t -> { });
        var b = (NettyMediaEndpoint) media.allocate("end-b", "end", t -> { });
        NettyCallTap tap = (NettyCallTap) media.tap(a, PCMU, b, PCMU, callExecutor, listener);
        await().until(() -> onLoop(a, () -> a.tap != null));
        a.close();
        assertThat(onLoop(a, tap::isLive)).isTrue();
        b.close();
        await().until(() -> !tap.isLive());
        assertThat(media.ticker(a.loop()).size()).isZero();
    }

    @Test
    void aSecondTapReplacesTheFirst() throws Exception {
        start();
        var a = (NettyMediaEndpoint) media.allocate("two-a", "two", t -> { });
        var b = (NettyMediaEndpoint) media.allocate("two-b", "two", t -> { });
        NettyCallTap first = (NettyCallTap) media.tap(a, PCMU, b, PCMU, callExecutor, listener);
        NettyCallTap second = (NettyCallTap) media.tap(a, PCMU, b, PCMU, callExecutor, listener);
        await().until(() -> onLoop(a, () -> a.tap != null && a.tap.owner == second && b.tap.owner == second));
        assertThat(first.isLive()).isFalse();
        assertThat(media.ticker(a.loop()).size()).isEqualTo(1);
    }

    @Test
    void legsOnDifferentThreadsOrForeignEndpointsAreRefused() throws Exception {
        start();
        MediaEndpoint a = media.allocate("x-a", "x0", t -> { });
        MediaEndpoint other = null;
        for (int i = 1; other == null; i++) {
            var candidate = (NettyMediaEndpoint) media.allocate("x-" + i, "x" + i, t -> { });
            if (candidate.loop() != ((NettyMediaEndpoint) a).loop()) other = candidate;
            else candidate.close();
        }
        MediaEndpoint b = other;
        assertThatThrownBy(() -> media.tap(a, PCMU, b, PCMU, callExecutor, listener))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different media threads");
        assertThatThrownBy(() -> media.tap(a, PCMU, a, PCMU, callExecutor, listener))
                .isInstanceOf(IllegalArgumentException.class);
        MediaEndpoint c = media.allocate("x-c", "x0", t -> { });
        CallTap tap = media.tap(a, PCMU, c, PCMU, callExecutor, listener);
        assertThatThrownBy(() -> tap.record(StereoWavSink.create(dir.resolve("wide.wav"), 16_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8000 Hz");
    }

    /**
     * The WAV sink, counting the frames in which each party is heard: the test stops recording
     * once the recorder has written what the phones sent (it plays out through a jitter buffer,
     * so later than the packets arrived).
     */
    private static final class HeardSink implements AudioStereoSink {
        final StereoWavSink file;
        volatile int leftHeard;
        volatile int rightHeard;

        HeardSink(Path target) throws IOException {
            file = StereoWavSink.create(target, 8000);
        }

        @Override
        public int sampleRate() {
            return file.sampleRate();
        }

        @Override
        public boolean write(short[] left, short[] right, int frames) {
            if (loud(left, frames)) leftHeard++;
            if (loud(right, frames)) rightHeard++;
            return file.write(left, right, frames);
        }

        private static boolean loud(short[] pcm, int n) {
            for (int i = 0; i < n; i++) if (Math.abs(pcm[i]) > 1000) return true;
            return false;
        }

        @Override
        public java.util.Optional<String> failure() {
            return file.failure();
        }
    }

    private static boolean onLoop(NettyMediaEndpoint e, java.util.function.BooleanSupplier check) throws Exception {
        return e.loop().submit(check::getAsBoolean).get(5, TimeUnit.SECONDS);
    }

    private record Stereo(short[] left, short[] right) {
        long millis() {
            return left.length / 8L;
        }

        static Stereo read(Path file) throws IOException {
            try (WavReader reader = WavReader.open(file)) {
                assertThat(reader.format().channels()).isEqualTo(2);
                assertThat(reader.format().sampleRate()).isEqualTo(8000);
                short[] all = reader.readAll();
                short[] left = new short[all.length / 2];
                short[] right = new short[all.length / 2];
                for (int i = 0; i < left.length; i++) {
                    left[i] = all[2 * i];
                    right[i] = all[2 * i + 1];
                }
                return new Stereo(left, right);
            }
        }
    }

    /**
     * The tone's level between the first and the last 20 ms frame that is not silent: the
     * recording's frames before the first packet arrived and after the last one (more of them on
     * a loaded machine) are silence by design, and would only dilute the level.
     */
    private static double levelWhereHeard(short[] pcm, double hz) {
        int frame = 160;
        int first = -1;
        int last = -1;
        for (int f = 0; f + frame <= pcm.length; f += frame) {
            double energy = 0;
            for (int i = f; i < f + frame; i++) energy += (double) pcm[i] * pcm[i];
            if (10 * Math.log10(energy / frame / (32768.0 * 32768.0) + 1e-12) > -50) {
                if (first < 0) first = f;
                last = f + frame;
            }
        }
        assertThat(first).as("some audio in the channel").isGreaterThanOrEqualTo(0);
        return TonePhone.levelDb(pcm, first, last, hz, 8000);
    }
}
