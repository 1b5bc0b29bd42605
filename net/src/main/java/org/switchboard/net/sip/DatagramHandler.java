package org.switchboard.net.sip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/**
 * Inbound UDP: each datagram is one SIP message (RFC 3261 §18.1.2), delivered as is. Empty and
 * CRLF-only datagrams are keep-alives and dropped; STUN Binding requests are answered
 * ({@link StunBinding}); datagrams over the size limit are dropped and counted.
 * One per UDP socket.
 */
final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(DatagramHandler.class);

    private final InetAddress bindAddress;
    private final int maxMessageSize;
    private final Delivery delivery;
    private final TransportCounters.Meter meter;
    /** Our address in flows: the configured bind address (a wildcard stays a wildcard) and the bound port. */
    private InetSocketAddress local;

    DatagramHandler(InetAddress bindAddress, int maxMessageSize, Delivery delivery, TransportCounters.Meter meter) {
        super(DatagramPacket.class, true);
        this.bindAddress = bindAddress;
        this.maxMessageSize = maxMessageSize;
        this.delivery = delivery;
        this.meter = meter;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        local = new InetSocketAddress(bindAddress, ((InetSocketAddress) ctx.channel().localAddress()).getPort());
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        if (length > maxMessageSize) {
            meter.oversizeDrops.increment();
            log.debug("dropped a datagram of {} bytes from {} (limit {})", length, packet.sender(), maxMessageSize);
            return;
        }
        if (isKeepAlive(content)) {
            meter.keepAlives.increment();
            return;
        }
        if (StunBinding.looksLikeStun(content)) {
            ByteBuf response = StunBinding.response(content, packet.sender(), ctx.alloc());
            if (response != null) {
                meter.keepAlives.increment();
                ctx.writeAndFlush(new DatagramPacket(response, packet.sender()), ctx.voidPromise());
            }
            return;
        }
        byte[] message = ByteBufUtil.getBytes(content);
        meter.received(length);
        delivery.deliver(message, new Flow(Transport.UDP, local, Ipv6Scope.stripZero(packet.sender())), meter);
    }

    /** Empty, or nothing but CR and LF: an RFC 5626 style keep-alive that some phones send over UDP. */
    private static boolean isKeepAlive(ByteBuf content) {
        for (int i = content.readerIndex(), end = content.writerIndex(); i < end; i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n') return false;
        }
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP socket survives errors (e.g. ICMP unreachable); count and go on.
        meter.errors.increment();
        log.debug("UDP error on {}: {}", local, cause.toString());
    }
}
