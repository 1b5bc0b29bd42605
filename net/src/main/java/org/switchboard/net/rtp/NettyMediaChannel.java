package org.switchboard.net.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.LegAudio;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.LegAudioStats;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.channel.PacketOut;
import org.switchboard.media.channel.PcmBridge;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.TelephoneEventSender;
import org.switchboard.media.rtp.RtcpMux;
import org.switchboard.media.rtp.RtpLegStats;

/**
 * A terminated endpoint: its {@link LegAudio} fed by the endpoint's sockets on the endpoint's
 * event loop (no hop, no lock), ticked by that loop's {@link LegTicker}, its packets written
 * out of the endpoint's sockets to the latched source. With SRTP, what arrives is decrypted
 * before the leg sees it and what it sends is encrypted after ({@link LegSrtp}).
 *
 * <p>The leg's stream continues what the phone heard before ({@link OutgoingStream}): same SSRC,
 * the next sequence number, a timestamp moved on by the time since. So no RTCP BYE is sent when
 * the leg goes back to relaying or another channel takes over (the source does not leave: the
 * relayed packets are renumbered to continue it); only when the endpoint closes.
 *
 * <p>Every change asked through {@link MediaChannel} is queued on the loop in order; the
 * {@link LegAudio} is touched on the loop only. Stages complete on the call's executor (or a
 * virtual thread), never on the loop: what the caller chains to them (a recording's fsync) must
 * not run on a media thread.
 */
final class NettyMediaChannel implements MediaChannel, Ticked {

    private static final Logger log = LoggerFactory.getLogger(NettyMediaChannel.class);
    private static final int MIN_RATE = 1000;
    private static final int MAX_RATE = 384_000;

    private final NettyMediaEndpoint endpoint;
    private final Executor callExecutor;
    private final CallListener listener;
    /** What the leg was terminated with; its SSRC may still change once, on the loop, at {@link #install}. */
    private volatile LegAudioConfig config;
    /** Touched on the loop only (built on the caller's thread, where a codec that cannot start says so). */
    private LegAudio audio;
    private final EventLoop loop;
    private final LegTicker ticker;
    private final Output output = new Output();
    private final byte[] scratch;
    /** False once dead; written on the loop. */
    private volatile boolean live = true;
    private volatile LegAudioStats last;
    private PcmBridge bridge;
    private NettyMediaChannel bridgedWith;
    private boolean failed;

    NettyMediaChannel(NettyMediaEndpoint endpoint, LegAudioConfig config, Executor callExecutor,
                      LegAudioListener listener) {
        this.endpoint = endpoint;
        this.config = config;
        this.callExecutor = callExecutor;
        this.loop = endpoint.loop();
        this.ticker = endpoint.owner().ticker(loop);
        this.scratch = new byte[endpoint.owner().config().maxPacketSize()];
        this.listener = new CallListener(listener, callExecutor, endpoint.legId());
        this.audio = new LegAudio(config, this.listener, new SplittableRandom(), System.nanoTime());
    }

    /** Queues the switch to this channel on the loop. */
    void start() {
        onLoop(this::install, () -> live = false);
    }

    /** On the loop: takes over the endpoint from the relay or the previous channel. */
    private void install() {
        NettyMediaChannel previous = endpoint.terminated;
        if (previous != null) {
            previous.retire(false);
        }
        if (!endpoint.isOpen()) {
            retire(false);
            return;
        }
        continueStream();
        endpoint.terminated = this;
        endpoint.silence.terminated(true, System.nanoTime());
        ticker.add(this);
    }

    /**
     * On the loop, before the first packet: the leg continues the stream the phone heard. Its SSRC
     * was taken when {@link NettyMediaEndpoint#terminate} was called; should the relayed source
     * have changed since (a few microseconds), the leg is rebuilt with the new one, since an SSRC
     * heard earlier may not go back to lower sequence numbers (its SRTP context would refuse them).
     */
    private void continueStream() {
        OutgoingStream stream = endpoint.outgoing;
        stream.ptime(config.ptimeNanos());
        if (!stream.started()) {
            return;
        }
        long heard = stream.ssrc();
        if (heard != config.localSsrc()) {
            audio.close();
            config = config.withSsrc(heard);
            audio = new LegAudio(config, listener, new SplittableRandom(), System.nanoTime());
        }
        audio.continueStream(stream.nextSequence(), stream.timestampAfter(config.codec().clockRate(), System.nanoTime()));
    }

    /**
     * On the loop: the handle goes dead, the relay (or nothing) takes the endpoint back. With
     * {@code bye} (the endpoint closes) a last RTCP report with BYE goes to the phone.
     */
    void retire(boolean bye) {
        if (!live) {
            return;
        }
        live = false;
        unbridge();
        last = audio.stats();
        if (bye) {
            audio.stop(System.nanoTime(), endpoint.owner().clock().millis(), output);
        } else {
            audio.close();
        }
        ticker.remove(this);
        if (endpoint.terminated == this) {
            endpoint.terminated = null;
            endpoint.silence.terminated(false, System.nanoTime());
        }
    }

    @Override
    public void tick(long nowNanos, long wallMillis) {
        audio.tick(nowNanos, wallMillis, output);
    }

    /** True the first time a tick failed, so the log says it once. */
    @Override
    public boolean firstFailure() {
        boolean first = !failed;
        failed = true;
        return first;
    }

    /**
     * On the loop, from the endpoint's socket: a datagram that passed the plausibility check.
     * The caller releases {@code packet}. SRTP first (a forged packet teaches the latch nothing),
     * then the latch, then the leg.
     */
    void receive(ChannelHandlerContext ctx, DatagramPacket packet, RelaySide side, boolean rtcpSocket) {
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        boolean control = rtcpSocket || RtcpMux.isRtcpType(content.getUnsignedByte(content.readerIndex() + 1));
        long now = System.nanoTime();
        LegSrtp srtp = endpoint.srtp;
        if (srtp == null) {
            if (!side.accept(packet.sender())) {
                endpoint.counters.foreignSource();
                return;
            }
            content.getBytes(content.readerIndex(), scratch, 0, length);
            deliver(scratch, 0, length, length, control, rtcpSocket, now);
            return;
        }
        if (!SrtpCiphers.ready()) {
            endpoint.counters.dropped();
            return;
        }
        ByteBuf copy = ctx.alloc().heapBuffer(length + SrtpDirection.MAX_GROWTH);
        try {
            copy.writeBytes(content, content.readerIndex(), length);
            PacketBuffer p = PacketBuffer.of(copy);
            switch (srtp.inbound().unprotect(p, control)) {
                case OK -> { }
                case REPLAYED -> {
                    endpoint.counters.replay();
                    return;
                }
                case AUTH_FAILED -> {
                    endpoint.counters.authFailure();
                    return;
                }
            }
            if (!side.accept(packet.sender())) {
                endpoint.counters.foreignSource();
                return;
            }
            ByteBuf plain = p.commit();
            deliver(plain.array(), plain.arrayOffset() + plain.readerIndex(), plain.readableBytes(), length, control,
                    rtcpSocket, now);
        } finally {
            copy.release();
        }
    }

    private void deliver(byte[] bytes, int offset, int length, int wireLength, boolean control, boolean rtcpSocket,
                         long now) {
        endpoint.counters.received(wireLength);
        if (!rtcpSocket) {
            endpoint.silence.heard(now);
        }
        if (control) {
            audio.onRtcp(bytes, offset, length, now, endpoint.owner().clock().millis());
        } else {
            // keeps the relay's sequence accounting in step, so going back to relaying shows no gap as loss
            endpoint.watch.onRtp(bytes, offset, length, now);
            TapPoint tap = endpoint.tap;
            if (tap != null) {
                tap.rtp(bytes, offset, length, now);
            }
            audio.onRtp(bytes, offset, length, now);
        }
    }

    @Override
    public String legId() {
        return endpoint.legId();
    }

    @Override
    public LegAudioConfig config() {
        return config;
    }

    @Override
    public void play(AudioSource source) {
        Objects.requireNonNull(source, "source");
        checkRate(source.sampleRate(), source);
        onLoop(() -> {
            if (live) {
                audio.play(source);
            } else {
                source.close();
            }
        }, source::close);
    }

    @Override
    public void stopPlaying() {
        onLoop(() -> {
            if (live) {
                audio.stopPlaying();
            }
        }, () -> { });
    }

    @Override
    public void record(AudioSink sink) {
        Objects.requireNonNull(sink, "sink");
        checkRate(sink.sampleRate(), sink);
        onLoop(() -> {
            if (live && !audio.record(sink)) {
                log.warn("leg {} did not take sink {}: it has it already or has no room", legId(), sink);
            }
        }, () -> { });
    }

    @Override
    public CompletionStage<Void> stopRecording(AudioSink sink) {
        Objects.requireNonNull(sink, "sink");
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            if (live) {
                audio.stopRecording(sink);
            }
            completeOffLoop(done, null);
        }, () -> done.complete(null));
        return done;
    }

    @Override
    public void sendDtmf(DtmfDigit digit, int durationMillis) {
        Objects.requireNonNull(digit, "digit");
        if (durationMillis < 40 || durationMillis > TelephoneEventSender.MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException("a key press lasts 40.." + TelephoneEventSender.MAX_DURATION_MILLIS
                    + " ms, not " + durationMillis);
        }
        onLoop(() -> {
            if (live && !audio.sendDtmf(digit, durationMillis)) {
                log.warn("leg {} dropped key {}: too many presses waiting", legId(), digit.symbol());
            }
        }, () -> { });
    }

    @Override
    public void connect(MediaChannel other) {
        if (!(other instanceof NettyMediaChannel peer) || peer.endpoint.owner() != endpoint.owner()) {
            throw new IllegalArgumentException("not a channel of this media layer: " + other);
        }
        if (peer == this) {
            throw new IllegalArgumentException("a channel cannot be connected with itself");
        }
        if (peer.loop != loop) {
            throw new IllegalArgumentException("legs " + legId() + " and " + peer.legId()
                    + " run on different media threads: allocate both with the call's key");
        }
        onLoop(() -> {
            if (!live || !peer.live) {
                return;
            }
            unbridge();
            peer.unbridge();
            bridge = PcmBridge.connect(audio, peer.audio);
            peer.bridge = bridge;
            bridgedWith = peer;
            peer.bridgedWith = this;
        }, () -> { });
    }

    @Override
    public void disconnect() {
        onLoop(this::unbridge, () -> { });
    }

    /** On the loop: undoes the PCM bridge, on both channels. */
    private void unbridge() {
        if (bridge == null) {
            return;
        }
        bridge.disconnect();
        NettyMediaChannel peer = bridgedWith;
        bridge = null;
        bridgedWith = null;
        if (peer != null) {
            peer.bridge = null;
            peer.bridgedWith = null;
        }
    }

    @Override
    public CompletionStage<LegAudioStats> stats() {
        CompletableFuture<LegAudioStats> result = new CompletableFuture<>();
        Runnable dead = () -> {
            LegAudioStats s = last;
            if (s != null) {
                result.complete(s);
            } else {
                result.completeExceptionally(new IllegalStateException("leg " + legId() + " was never terminated"));
            }
        };
        onLoop(() -> {
            if (live) {
                completeOffLoop(result, audio.stats());
            } else {
                dead.run();
            }
        }, dead);
        return result;
    }

    /** On the loop, while this is the endpoint's channel: the leg's RTP/RTCP figures now. */
    RtpLegStats rtpStatsOnLoop() {
        return audio.stats().rtp();
    }

    @Override
    public CompletionStage<Void> relay() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            retire(false);
            completeOffLoop(done, null);
        }, () -> done.complete(null));
        return done;
    }

    @Override
    public boolean isTerminated() {
        return live;
    }

    /** Refuses, on the caller's thread, a rate the leg cannot convert to or from. */
    private static void checkRate(int hz, Object what) {
        if (hz < MIN_RATE || hz > MAX_RATE) {
            throw new IllegalArgumentException(what + " runs at " + hz + " Hz: rates " + MIN_RATE + ".." + MAX_RATE
                    + " Hz can be converted");
        }
    }

    /** Runs {@code task} on the loop, after everything asked before; {@code ifStopped} when the loop is gone. */
    private void onLoop(Runnable task, Runnable ifStopped) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            live = false;
            ifStopped.run();
        }
    }

    /** Completes on the call's executor, so no dependent stage runs on the loop. */
    private <T> void completeOffLoop(CompletableFuture<T> future, T value) {
        try {
            callExecutor.execute(() -> future.complete(value));
        } catch (RejectedExecutionException e) {
            Thread.ofVirtual().start(() -> future.complete(value));
        }
    }

    @Override
    public String toString() {
        return "MediaChannel[" + legId() + " " + config.codec() + (live ? "" : ", dead") + "]";
    }

    /** Writes the leg's packets out of the endpoint's sockets, encrypted when the leg has SRTP. */
    private final class Output implements PacketOut {

        @Override
        public void rtp(byte[] packet, int offset, int length) {
            if (send(endpoint.rtp, packet, offset, length, false)) {
                endpoint.outgoing.sent((packet[offset + 2] & 0xFF) << 8 | packet[offset + 3] & 0xFF,
                        word(packet, offset + 4), word(packet, offset + 8), System.nanoTime());
            }
        }

        private static long word(byte[] a, int at) {
            return (a[at] & 0xFFL) << 24 | (a[at + 1] & 0xFF) << 16 | (a[at + 2] & 0xFF) << 8 | a[at + 3] & 0xFF;
        }

        @Override
        public void rtcp(byte[] packet, int offset, int length) {
            send(endpoint.rtcp, packet, offset, length, true);
        }

        /** @return whether the packet was written */
        private boolean send(RelaySide side, byte[] bytes, int offset, int length, boolean control) {
            InetSocketAddress to = side.destination;
            Channel channel = side.channel;
            if (to == null || !channel.isWritable()) {
                endpoint.counters.dropped();
                return false;
            }
            LegSrtp srtp = endpoint.srtp;
            ByteBuf buf;
            if (srtp == null) {
                buf = channel.alloc().directBuffer(length);
                buf.writeBytes(bytes, offset, length);
            } else {
                if (!SrtpCiphers.ready()) {
                    endpoint.counters.dropped();
                    return false;
                }
                buf = channel.alloc().heapBuffer(length + SrtpDirection.MAX_GROWTH);
                buf.writeBytes(bytes, offset, length);
                PacketBuffer p = PacketBuffer.of(buf);
                if (srtp.outbound().protect(p, control) != SrtpDirection.Outcome.OK) {
                    buf.release();
                    endpoint.counters.dropped();
                    return false;
                }
                buf = p.commit();
            }
            endpoint.counters.sent(buf.readableBytes());
            channel.writeAndFlush(side.connected ? buf : new DatagramPacket(buf, to), channel.voidPromise());
            return true;
        }
    }
}
