package org.switchboard.net.sip;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSender.SendResult;

/**
 * SIP over UDP (RFC 3261 §18.1, §18.2). With epoll, one socket per event loop shares the port
 * through SO_REUSEPORT, so the kernel spreads datagrams over all cores by source address;
 * a reply leaves from the socket of the current event loop when there is one, and is written
 * by the calling thread itself when the socket is native ({@link DirectDatagram}): no thread hop.
 */
final class UdpTransport {

    /** Largest UDP payload (IPv6 without jumbograms); a receive buffer this big never truncates. */
    private static final int MAX_DATAGRAM = 65_536;
    private static final long BIND_TIMEOUT_SECONDS = 10;

    private final Channel[] channels;
    private final InetSocketAddress local;
    private final TransportCounters.Meter meter;
    /** Native sockets: send from the calling thread ({@link DirectDatagram}). */
    private final boolean direct;

    private UdpTransport(Channel[] channels, InetSocketAddress local, TransportCounters.Meter meter) {
        this.channels = channels;
        this.local = local;
        this.meter = meter;
        this.direct = DirectDatagram.supported(channels[0]);
    }

    static UdpTransport bind(IoRuntime io, SipTransportConfig config, Delivery delivery, TransportCounters.Meter meter)
            throws IOException {
        int sockets = io.epoll() ? io.threads() : 1;
        // One byte over the limit tells an oversize datagram from one that just fits.
        int receiveBuffer = Math.min(config.maxMessageSize() + 1, MAX_DATAGRAM);
        List<Channel> bound = new ArrayList<>(sockets);
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.sipPort());
        try {
            for (int i = 0; i < sockets; i++) {
                Bootstrap b = new Bootstrap().group(io.group()).channel(io.datagramChannel())
                        .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(receiveBuffer))
                        .handler(new DatagramHandler(config.bindAddress(), config.maxMessageSize(), delivery, meter));
                if (config.udpReceiveBufferBytes() > 0) b.option(ChannelOption.SO_RCVBUF, config.udpReceiveBufferBytes());
                if (sockets > 1) b.option(EpollChannelOption.SO_REUSEPORT, true);
                ChannelFuture f = b.bind(address);
                if (!f.awaitUninterruptibly(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !f.isSuccess()) {
                    throw new IOException("cannot bind UDP " + HostPort.of(address) + ": "
                            + (f.cause() == null ? "timed out" : f.cause().getMessage()), f.cause());
                }
                Channel ch = f.channel();
                bound.add(ch);
                if (i == 0) {
                    // Port 0: the others must join the ephemeral port the first one got.
                    address = new InetSocketAddress(config.bindAddress(), ((InetSocketAddress) ch.localAddress()).getPort());
                }
            }
        } catch (IOException | RuntimeException e) {
            bound.forEach(Channel::close);
            throw e;
        }
        return new UdpTransport(bound.toArray(Channel[]::new), address, meter);
    }

    InetSocketAddress localAddress() {
        return local;
    }

    void send(InetSocketAddress remote, byte[] message, SendResult result) {
        Flow flow = new Flow(Transport.UDP, local, remote);
        Channel ch = pick(remote);
        if (!ch.isActive()) {
            SendOutcome.failed(result, flow, new IOException("UDP socket closed"), meter);
            return;
        }
        int length = message.length;
        if (direct) {
            try {
                if (DirectDatagram.send(ch, message, remote)) {
                    SendOutcome.succeeded(result, flow, meter, length);
                    return;
                }
            } catch (IOException e) {
                SendOutcome.failed(result, flow, e, meter);
                return;
            }
        }
        ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(message), remote)).addListener(f -> {
            if (f.isSuccess()) SendOutcome.succeeded(result, flow, meter, length);
            else SendOutcome.failed(result, flow, f.cause(), meter);
        });
    }

    /** The socket of the calling event loop when there is one, else one chosen by the remote address. */
    private Channel pick(InetSocketAddress remote) {
        Channel[] all = channels;
        if (all.length == 1) return all[0];
        for (Channel ch : all) {
            if (ch.eventLoop().inEventLoop()) return ch;
        }
        return all[Math.floorMod(remote.hashCode(), all.length)];
    }

    List<ChannelFuture> close() {
        List<ChannelFuture> closing = new ArrayList<>(channels.length);
        for (Channel ch : channels) closing.add(ch.close());
        return closing;
    }
}
