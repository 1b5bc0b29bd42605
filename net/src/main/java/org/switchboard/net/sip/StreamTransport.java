package org.switchboard.net.sip;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSender.SendResult;

/**
 * SIP over TCP or TLS (RFC 3261 §18, RFC 5923 connection reuse): the listener, the outbound
 * connector and the table of open connections by remote address, shared by both directions, so
 * a request or response to a peer goes on the connection it already has with us.
 */
final class StreamTransport {

    /** A connection whose peer stops reading fails sends past 4 MiB queued, instead of growing. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1 << 20, 4 << 20);
    private static final int BACKLOG = 1024;
    private static final long BIND_TIMEOUT_SECONDS = 10;

    private final Transport transport;
    private final IoRuntime io;
    private final SipTransportConfig config;
    private final SslContext serverTls;
    private final SslContext clientTls;
    private final ConnectionLimits limits;
    private final Delivery delivery;
    private final TransportCounters.Meter meter;
    private final ConcurrentHashMap<StreamConnection.Key, StreamConnection> connections = new ConcurrentHashMap<>();
    private volatile Channel listener;

    /** {@code serverTls} and {@code clientTls} are null for TCP; {@code serverTls} also when TLS does not listen. */
    StreamTransport(Transport transport, IoRuntime io, SipTransportConfig config, SslContext serverTls,
                    SslContext clientTls, ConnectionLimits limits, Delivery delivery, TransportCounters.Meter meter) {
        this.transport = transport;
        this.io = io;
        this.config = config;
        this.serverTls = serverTls;
        this.clientTls = clientTls;
        this.limits = limits;
        this.delivery = delivery;
        this.meter = meter;
    }

    /** Binds the listener; returns the bound address (the configured IP, the actual port). */
    InetSocketAddress listen(int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), port);
        ServerBootstrap b = new ServerBootstrap().group(io.group()).channel(io.serverChannel())
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new AcceptLimiter(limits, meter))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        StreamConnection c = StreamConnection.accepted(transport, ch);
                        track(c, ch);
                        SslHandler tls = null;
                        if (serverTls != null) {
                            tls = serverTls.newHandler(ch.alloc());
                            tls.setHandshakeTimeoutMillis(config.firstMessageTimeout().toMillis());
                        }
                        configure(ch.pipeline(), tls, c, config.firstMessageTimeout());
                    }
                });
        ChannelFuture f = b.bind(address);
        if (!f.awaitUninterruptibly(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !f.isSuccess()) {
            f.channel().close();
            throw new IOException("cannot bind " + transport + " " + HostPort.of(address) + ": "
                    + (f.cause() == null ? "timed out" : f.cause().getMessage()), f.cause());
        }
        listener = f.channel();
        return new InetSocketAddress(config.bindAddress(), ((InetSocketAddress) listener.localAddress()).getPort());
    }

    /**
     * Sends on the open (or opening) connection with {@code remote}, accepted or ours; opens one
     * when there is none.
     */
    void send(InetSocketAddress remote, byte[] message, SendResult result) {
        StreamConnection.Key key = new StreamConnection.Key(remote, clientTls != null ? TlsContexts.hostName(remote) : null);
        StreamConnection c = connections.get(key);
        if (c == null || !c.usable()) c = connect(key);
        if (c == null) {
            SendOutcome.failed(result, null, new IOException(transport + " connection cap reached, not connecting to "
                    + HostPort.of(remote)), meter);
            return;
        }
        StreamConnection conn = c;
        Promise<Channel> ready = conn.ready();
        if (ready.isDone()) write(conn, message, result);
        else ready.addListener(f -> write(conn, message, result));
    }

    private void write(StreamConnection c, byte[] message, SendResult result) {
        Promise<Channel> ready = c.ready();
        if (!ready.isSuccess()) {
            SendOutcome.failed(result, c.flow(), ready.cause(), meter);
            return;
        }
        Channel ch = ready.getNow();
        Flow flow = c.flow();
        if (!ch.isActive()) {
            SendOutcome.failed(result, flow, new IOException("connection to " + flow.remoteText() + " closed"), meter);
            return;
        }
        if (!ch.isWritable()) {
            SendOutcome.failed(result, flow, new IOException("send queue to " + flow.remoteText() + " full"), meter);
            return;
        }
        int length = message.length;
        ch.writeAndFlush(Unpooled.wrappedBuffer(message)).addListener(f -> {
            if (f.isSuccess()) SendOutcome.succeeded(result, flow, meter, length);
            else SendOutcome.failed(result, flow, f.cause(), meter);
        });
    }

    /** Opens a connection, or returns the one another thread opened first; null over a cap. */
    private StreamConnection connect(StreamConnection.Key key) {
        InetSocketAddress remote = key.address();
        InetAddress ip = remote.getAddress();
        if (!limits.tryAcquire(ip)) {
            meter.connectionsRefused.increment();
            return null;
        }
        EventLoop loop = io.group().next();
        StreamConnection c = StreamConnection.opening(transport, key, loop.newPromise());
        StreamConnection winner = connections.compute(key, (k, old) -> old != null && old.usable() ? old : c);
        if (winner != c) {
            limits.release(ip);
            return winner;
        }
        Bootstrap b = new Bootstrap().group(loop).channel(io.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        SslHandler tls = null;
                        if (clientTls != null) {
                            tls = TlsContexts.clientHandler(clientTls, ch.alloc(), remote);
                            tls.setHandshakeTimeoutMillis(config.connectTimeout().toMillis());
                        }
                        configure(ch.pipeline(), tls, c, null);
                    }
                });
        InetAddress bind = config.bindAddress();
        if (!bind.isAnyLocalAddress() && (bind instanceof Inet4Address) == (ip instanceof Inet4Address)) {
            b.localAddress(new InetSocketAddress(bind, 0)); // leave from the address we were told to use
        }
        ChannelFuture f = b.connect(remote);
        Channel ch = f.channel();
        ch.closeFuture().addListener(x -> {
            connections.remove(key, c);
            limits.release(ip);
        });
        f.addListener(x -> {
            if (!x.isSuccess()) {
                c.failed(x.cause());
                return;
            }
            SslHandler tls = ch.pipeline().get(SslHandler.class);
            if (tls == null) {
                c.connected(ch);
                return;
            }
            // Sends wait for the handshake, so that a failure reaches them as its real cause.
            tls.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) c.connected(ch);
                else c.failed(h.cause());
            });
        });
        return c;
    }

    private void track(StreamConnection c, Channel ch) {
        connections.put(c.key(), c);
        ch.closeFuture().addListener(f -> connections.remove(c.key(), c));
    }

    /** The pipeline of every connection: [TLS] idle timer, flush batching, framing, the connection handler. */
    private void configure(ChannelPipeline p, SslHandler tls, StreamConnection c, Duration firstMessageTimeout) {
        if (tls != null) p.addLast("tls", tls);
        p.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast("flush", new FlushConsolidationHandler(256, true));
        p.addLast("framing", new SipStreamDecoder(config.maxMessageSize()));
        p.addLast("sip", new StreamConnectionHandler(c, delivery, meter, firstMessageTimeout));
    }

    /** Closes the listener and every connection. */
    List<Future<?>> close() {
        List<Future<?>> closing = new ArrayList<>();
        Channel l = listener;
        if (l != null) closing.add(l.close());
        for (StreamConnection c : connections.values()) {
            Channel ch = c.ready().getNow();
            if (ch != null) closing.add(ch.close());
        }
        return closing;
    }
}
