package org.switchboard.net.rtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.relay.LegQuality;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaStats;
import org.switchboard.media.relay.MediaTimeoutListener;
import org.switchboard.media.relay.PortPair;
import org.switchboard.media.relay.QualityWatch;
import org.switchboard.media.relay.SilenceWatch;
import org.switchboard.media.relay.SrtpKeys;

/**
 * One leg's RTP and RTCP sockets, both on one event loop, which alone touches their latches.
 * The partner ({@link #peer}) is set by {@link NettyMediaEndpoints#bridge} and read per packet.
 * While {@link #terminated} is set, the leg's packets go to that channel instead of the partner.
 */
final class NettyMediaEndpoint implements MediaEndpoint {

    private static final long WAIT_SECONDS = 10;

    private final NettyMediaEndpoints owner;
    private final String legId;
    private final PortPair ports;
    private final EventLoop loop;
    private final InetSocketAddress localRtp;
    private final InetSocketAddress localRtcp;
    final MediaTimeoutListener onTimeout;
    final RelaySide rtp;
    final RelaySide rtcp;
    final LegCounters counters = new LegCounters();
    final SilenceWatch silence = new SilenceWatch();
    /** Loss, jitter, the phone's reports and the round trip (fed in both modes); touched on {@link #loop} only. */
    final QualityWatch watch = new QualityWatch();
    /** What the phone has been sent over RTP, kept one continuous stream across switches; touched on {@link #loop}. */
    final OutgoingStream outgoing = new OutgoingStream();
    /** The last {@link #describe}d format, payload type and clock rate packed, or -1; signalling's own. */
    private volatile long described = -1;
    private final AtomicBoolean open = new AtomicBoolean(true);
    /** The bridged partner, or null. Written under the owner's bridge lock, read per packet. */
    volatile NettyMediaEndpoint peer;
    /** SRTP terminated on this leg, or null for plain RTP. Written by signalling, read per packet. */
    volatile LegSrtp srtp;
    /**
     * The channel the leg's media ends in, or null while relayed. Written on this leg's loop,
     * read per packet there and by the partner's loop (which then drops what it would relay here).
     */
    volatile NettyMediaChannel terminated;
    /** The call recorder watching what the phone sends, or null. Written and read on {@link #loop} only. */
    TapPoint tap;

    NettyMediaEndpoint(NettyMediaEndpoints owner, String legId, PortPair ports, EventLoop loop,
                       MediaTimeoutListener onTimeout, InetAddress bindAddress) {
        this.owner = owner;
        this.legId = legId;
        this.ports = ports;
        this.loop = loop;
        this.onTimeout = onTimeout;
        this.localRtp = new InetSocketAddress(bindAddress, ports.rtp());
        this.localRtcp = new InetSocketAddress(bindAddress, ports.rtcp());
        this.rtp = new RelaySide(owner.config().media().latch());
        this.rtcp = new RelaySide(owner.config().media().latch());
    }

    /** Binds both sockets; on failure closes whatever was bound. Not on an event loop. */
    void bind(RtpIo io) throws IOException {
        try {
            rtp.channel = bindOne(io, localRtp, rtp, false);
            rtcp.channel = bindOne(io, localRtcp, rtcp, true);
        } catch (IOException | RuntimeException e) {
            if (rtp.channel != null) rtp.channel.close().awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
            throw e;
        }
    }

    private Channel bindOne(RtpIo io, InetSocketAddress address, RelaySide side, boolean isRtcp) throws IOException {
        RtpConfig config = owner.config();
        Bootstrap b = new Bootstrap().group(loop).channel(io.datagramChannel())
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(config.maxPacketSize()))
                // Stays active across connect/disconnect (RelaySide), so writes keep working.
                .option(ChannelOption.DATAGRAM_CHANNEL_ACTIVE_ON_REGISTRATION, true)
                .handler(new RelayHandler(this, side, isRtcp));
        if (config.ipTos() > 0) b.option(ChannelOption.IP_TOS, config.ipTos());
        ChannelFuture f = b.bind(address);
        if (!f.awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS) || !f.isSuccess()) {
            f.channel().close();
            throw new IOException("cannot bind UDP " + address + ": "
                    + (f.cause() == null ? "timed out" : f.cause().getMessage()), f.cause());
        }
        return f.channel();
    }

    NettyMediaEndpoints owner() {
        return owner;
    }

    EventLoop loop() {
        return loop;
    }

    @Override
    public String legId() {
        return legId;
    }

    @Override
    public PortPair ports() {
        return ports;
    }

    @Override
    public InetSocketAddress localRtp() {
        return localRtp;
    }

    @Override
    public InetSocketAddress localRtcp() {
        return localRtcp;
    }

    @Override
    public void expectRemote(InetSocketAddress rtpAddress, InetSocketAddress rtcpAddress) {
        if (!usable(rtpAddress)) return;
        InetSocketAddress control = usable(rtcpAddress) ? rtcpAddress
                : new InetSocketAddress(rtpAddress.getAddress(), rtpAddress.getPort() + 1);
        onLoop(() -> {
            rtp.expect(rtpAddress);
            rtcp.expect(control);
        });
    }

    /**
     * An address that can be sent to: resolved, not the unspecified address, not port 0. Old-style
     * hold ({@code c=0.0.0.0}) and rejected streams (port 0, RFC 3264 §6) keep the previous hint.
     */
    private static boolean usable(InetSocketAddress a) {
        return a != null && !a.isUnresolved() && !a.getAddress().isAnyLocalAddress() && a.getPort() > 0
                && a.getPort() < 65_535;
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.submit(task).awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // The media threads are stopping: nothing left to configure.
        }
    }

    @Override
    public void useSrtp(SrtpKeys inbound, SrtpKeys outbound) {
        LegSrtp current = srtp;
        if (current != null && current.uses(inbound, outbound)) return;
        // contexts are created empty here and filled on the loop; the volatile write publishes them
        srtp = LegSrtp.of(current, inbound, outbound);
    }

    @Override
    public void usePlainRtp() {
        srtp = null;
    }

    @Override
    public MediaChannel terminate(LegAudioConfig config, Executor callExecutor, LegAudioListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(callExecutor, "callExecutor");
        Objects.requireNonNull(listener, "listener");
        // The phone goes on hearing the source it heard (OutgoingStream); NettyMediaChannel checks
        // again on the loop, in case the relayed source changed meanwhile.
        long heard = outgoing.ssrc();
        LegAudioConfig continuing = heard < 0 || heard == config.localSsrc() ? config : config.withSsrc(heard);
        NettyMediaChannel channel = new NettyMediaChannel(this, continuing, callExecutor, listener);
        channel.start();
        return channel;
    }

    @Override
    public void suspendTimeout(boolean suspended) {
        silence.suspended(suspended, System.nanoTime());
    }

    @Override
    public MediaStats stats() {
        long last = silence.lastHeardNanos();
        Optional<Instant> lastRtp = last == Long.MIN_VALUE ? Optional.empty()
                : Optional.of(owner.clock().instant().minusNanos(System.nanoTime() - last));
        return new MediaStats(legId, ports, counters.packetsIn.get(), counters.bytesIn.get(), counters.packetsOut.get(),
                counters.bytesOut.get(), counters.dropped.get(), counters.foreign.get(), Optional.ofNullable(rtp.learned),
                Optional.ofNullable(rtcp.learned), rtp.locked, lastRtp, srtp != null, counters.authFailures.get(),
                counters.replays.get());
    }

    @Override
    public void describe(int payloadType, int clockRate) {
        MediaEndpoint.super.describe(payloadType, clockRate);
        long format = (long) payloadType << 32 | clockRate;
        if (described == format) return;
        described = format;
        onLoop(() -> {
            watch.format(payloadType, clockRate);
            outgoing.clockRate(clockRate);
        });
    }

    @Override
    public CompletionStage<LegQuality> quality() {
        CompletableFuture<LegQuality> result = new CompletableFuture<>();
        if (loop.inEventLoop()) {
            result.complete(qualityOnLoop());
            return result;
        }
        try {
            loop.execute(() -> result.complete(qualityOnLoop()));
        } catch (RejectedExecutionException e) {
            // the media threads are stopping: the counters are all there is
            result.complete(LegQuality.countersOnly(stats()));
        }
        return result;
    }

    private LegQuality qualityOnLoop() {
        NettyMediaChannel channel = terminated;
        return channel != null ? LegQuality.terminated(stats(), channel.rtpStatsOnLoop()) : watch.quality(stats());
    }

    /**
     * On the loop, for an RTCP datagram accepted from the phone (plain or decrypted): the watch
     * learns from it. The partner's watch takes part only when it relays on this same loop,
     * which legs of one call always do ({@link RtpIo#loopFor}).
     */
    void observeRtcp(byte[] bytes, int offset, int length, long nowNanos) {
        NettyMediaEndpoint partner = peer;
        QualityWatch partnerWatch = partner != null && partner.terminated == null && partner.loop == loop
                ? partner.watch : null;
        watch.onRtcp(bytes, offset, length, nowNanos, owner.clock().millis(), partnerWatch);
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) return;
        silence.finish();
        try {
            loop.execute(() -> {
                NettyMediaChannel channel = terminated;
                if (channel != null) channel.retire(true);
                TapPoint point = tap;
                if (point != null) point.owner.endpointClosed();
            });
        } catch (RejectedExecutionException e) {
            // the media threads are stopping: nothing is ticked any more
        }
        owner.closing(this);
        AtomicInteger sockets = new AtomicInteger(2);
        for (RelaySide side : new RelaySide[] {rtp, rtcp}) {
            side.channel.close().addListener(f -> {
                if (sockets.decrementAndGet() == 0) owner.closed(this);
            });
        }
    }

    @Override
    public String toString() {
        return "MediaEndpoint[" + legId + " " + localRtp + "]";
    }
}
