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

/**
 * The fast path of one socket (RTP or RTCP) of one leg. A datagram that looks like RTP/RTCP
 * and comes from the leg's latched source is written, as the same buffer (with a new recipient
 * unless that socket is connected to it), out of the bridged leg's matching socket to that
 * leg's phone. Everything else is dropped and
 * counted; no exception leaves this handler and nothing is logged per packet.
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
            if (!relay(packet)) {
                packet.release();
            }
        } catch (RuntimeException e) {
            // relay() hands the buffer on only as its very last step, so here it is still ours.
            ReferenceCountUtil.safeRelease(packet);
            leg.counters.dropped();
            log.debug("dropped a packet on {} {}: {}", leg.legId(), rtcp ? "RTCP" : "RTP", e.toString());
        }
    }

    /** @return true when the packet's buffer was handed to a write, false when it is dropped */
    private boolean relay(DatagramPacket packet) {
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        if (!plausible(content, length)) {
            leg.counters.dropped();
            return false;
        }
        if (!side.accept(packet.sender())) {
            leg.counters.foreignSource();
            return false;
        }
        leg.counters.received(length);
        if (!rtcp) leg.silence.heard(System.nanoTime());
        NettyMediaEndpoint peer = leg.peer;
        if (peer == null) {
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
        peer.counters.sent(length);
        channel.writeAndFlush(out.connected ? content : new DatagramPacket(content, to), channel.voidPromise());
        return true;
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
