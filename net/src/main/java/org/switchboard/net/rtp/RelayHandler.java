package org.switchboard.net.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.relay.RtpFixedHeader;
import org.switchboard.media.rtp.RtcpMux;

/**
 * The relay of one socket (RTP or RTCP) of one leg. A datagram that looks like RTP/RTCP
 * and comes from the leg's latched source is written out of the bridged leg's matching socket
 * to that leg's phone. Everything else is dropped and counted; no exception leaves this
 * handler and nothing is logged per packet.
 *
 * <p>Two paths. When neither leg terminates SRTP (the fast path) the packet goes out as the
 * same buffer, with a new recipient unless that socket is connected to it: no copy. When
 * either does, the packet is copied once into a heap buffer with room for a tag, decrypted
 * with this leg's inbound keys (SRTP, or SRTCP: on the RTCP socket, or multiplexed on the RTP
 * one, RFC 5761 §4), and encrypted with the partner's outbound keys. A packet must
 * authenticate before it may teach the source latch, so a forged one cannot divert the media.
 * Until the ciphers are ready ({@link SrtpCiphers}, seconds after start) SRTP-path packets are
 * dropped rather than the loop stalled.
 *
 * <p>Every packet the latch accepts also feeds the leg's {@link org.switchboard.media.relay.QualityWatch}
 * (loss, jitter, the phone's RTCP reports, the round trip), before it is relayed or dropped: the
 * RTP header fields are read from the buffer in place; RTCP is copied and parsed, never changed.
 *
 * <p>An RTP packet relayed towards a phone is noted in that phone's {@link OutgoingStream}, which
 * keeps what the phone hears one continuous stream across switches to and from audio made here:
 * until the first switch the packet leaves untouched; after one its sequence number, timestamp
 * and SSRC are rewritten in place, before any SRTP encryption.
 *
 * <p>A terminated leg ({@link NettyMediaChannel}) takes its packets itself, after the same
 * plausibility check; a packet towards a terminated partner is dropped.
 *
 * <p>A leg of a recorded call ({@link NettyCallTap}) also shows each RTP packet the latch
 * accepted, plain or decrypted, to its {@link TapPoint} before relaying it; without a tap that is
 * one null check.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(RelayHandler.class);

    private final NettyMediaEndpoint leg;
    private final RelaySide side;
    private final boolean rtcp;

    RelayHandler(NettyMediaEndpoint leg, RelaySide side, boolean rtcp) {
        this.leg = leg;
        this.side = side;
        this.rtcp = rtcp;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (!relay(ctx, packet)) {
                packet.release();
            }
        } catch (RuntimeException e) {
            // relay() hands the buffer on only as its very last step, so here it is still ours.
            ReferenceCountUtil.safeRelease(packet);
            leg.counters.dropped();
            log.debug("dropped a packet on {} {}: {}", leg.legId(), rtcp ? "RTCP" : "RTP", e.toString());
        }
    }

    /** @return true when the packet's buffer was handed to a write, false when it is dropped (or was copied) */
    private boolean relay(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        if (!plausible(content, length)) {
            leg.counters.dropped();
            return false;
        }
        NettyMediaChannel terminated = leg.terminated;
        if (terminated != null) {
            terminated.receive(ctx, packet, side, rtcp);
            return false;
        }
        LegSrtp mine = leg.srtp;
        NettyMediaEndpoint partner = leg.peer;
        if (mine != null || (partner != null && partner.srtp != null)) {
            transformed(ctx, packet, mine);
            return false;
        }
        if (!side.accept(packet.sender())) {
            leg.counters.foreignSource();
            return false;
        }
        leg.counters.received(length);
        long now = System.nanoTime();
        if (!rtcp) leg.silence.heard(now);
        int at = content.readerIndex();
        long head = content.getLong(at);
        boolean media = !rtcp && !RtcpMux.isRtcpType((int) (head >>> 48) & 0xFF);
        observe(content, at, length, head, media, now);
        TapPoint tap = leg.tap;
        if (tap != null && !rtcp) tap.rtp(content, length, now);
        NettyMediaEndpoint peer = leg.peer;
        if (peer == null || peer.terminated != null) {
            leg.counters.dropped();
            return false;
        }
        RelaySide out = rtcp ? peer.rtcp : peer.rtp;
        InetSocketAddress to = out.destination;
        Channel channel = out.channel;
        if (to == null || !channel.isWritable()) {
            leg.counters.dropped();
            return false;
        }
        if (media) {
            OutgoingStream stream = peer.outgoing;
            if (stream.relayed((int) (head >>> 32) & 0xFFFF, head & 0xFFFF_FFFFL, content.getUnsignedInt(at + 8), now)) {
                stream.rewrite(content, at);
            }
        }
        peer.counters.sent(length);
        channel.writeAndFlush(out.connected ? content : new DatagramPacket(content, to), channel.voidPromise());
        return true;
    }

    /** The SRTP path: works on a copy, so the caller releases the received packet either way. */
    private void transformed(ChannelHandlerContext ctx, DatagramPacket packet, LegSrtp mine) {
        if (!SrtpCiphers.ready()) {
            leg.counters.dropped();
            return;
        }
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        int second = content.getUnsignedByte(content.readerIndex() + 1);
        boolean control = rtcp || (second >= 192 && second <= 223);
        ByteBuf copy = ctx.alloc().heapBuffer(length + SrtpDirection.MAX_GROWTH);
        try {
            copy.writeBytes(content, content.readerIndex(), length);
            PacketBuffer p = PacketBuffer.of(copy);
            if (mine != null) {
                switch (mine.inbound().unprotect(p, control)) {
                    case OK -> { }
                    case REPLAYED -> {
                        leg.counters.replay();
                        return;
                    }
                    case AUTH_FAILED -> {
                        leg.counters.authFailure();
                        return;
                    }
                }
            }
            if (!side.accept(packet.sender())) {
                leg.counters.foreignSource();
                return;
            }
            leg.counters.received(length);
            long now = System.nanoTime();
            if (!rtcp) leg.silence.heard(now);
            if (control) {
                leg.observeRtcp(p.getBuffer(), p.getOffset(), p.getLength(), now);
            } else {
                leg.watch.onRtp(p.getBuffer(), p.getOffset(), p.getLength(), now);
                TapPoint tap = leg.tap;
                if (tap != null) tap.rtp(p.getBuffer(), p.getOffset(), p.getLength(), now);
            }
            NettyMediaEndpoint peer = leg.peer;
            if (peer == null || peer.terminated != null) {
                leg.counters.dropped();
                return;
            }
            if (!control) {
                OutgoingStream stream = peer.outgoing;
                if (stream.relayed(p.unsigned(2) << 8 | p.unsigned(3), p.word(4) & 0xFFFF_FFFFL,
                        p.word(8) & 0xFFFF_FFFFL, now)) {
                    stream.rewrite(p.getBuffer(), p.getOffset());  // before the partner's encryption
                }
            }
            LegSrtp theirs = peer.srtp;
            if (theirs != null && theirs.outbound().protect(p, control) != SrtpDirection.Outcome.OK) {
                peer.counters.dropped();
                return;
            }
            RelaySide out = rtcp ? peer.rtcp : peer.rtp;
            InetSocketAddress to = out.destination;
            Channel channel = out.channel;
            if (to == null || !channel.isWritable()) {
                leg.counters.dropped();
                return;
            }
            ByteBuf ready = p.commit();
            peer.counters.sent(ready.readableBytes());
            copy = null;
            channel.writeAndFlush(out.connected ? ready : new DatagramPacket(ready, to), channel.voidPromise());
        } finally {
            if (copy != null) copy.release();
        }
    }

    /**
     * The leg's quality figures learn from a plain packet the latch accepted: an RTP header is
     * read in place (two loads, no allocation); RTCP, a datagram every few seconds, is copied out
     * and parsed. A plausible packet has at least 8 bytes, and 12 when it is RTP.
     */
    private void observe(ByteBuf content, int at, int length, long head, boolean media, long now) {
        if (media) {
            leg.watch.onRtp((int) (head >>> 48) & 0x7F, (int) (head >>> 32) & 0xFFFF, head & 0xFFFF_FFFFL,
                    content.getUnsignedInt(at + 8), now);
        } else {
            byte[] copy = new byte[length];
            content.getBytes(at, copy);
            leg.observeRtcp(copy, 0, length, now);
        }
    }

    private boolean plausible(ByteBuf content, int length) {
        if (length < RtpFixedHeader.RTCP_MIN_LENGTH) return false;
        int first = content.getUnsignedByte(content.readerIndex());
        return rtcp ? RtpFixedHeader.plausibleRtcp(first, length)
                : RtpFixedHeader.plausibleOnRtpPort(first, content.getUnsignedByte(content.readerIndex() + 1), length);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failed send (voidPromise) or a socket error: the socket lives on; count and go on.
        leg.counters.dropped();
        log.debug("media socket error on {} {}: {}", leg.legId(), rtcp ? "RTCP" : "RTP", cause.toString());
    }
}
