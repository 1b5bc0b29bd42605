package org.switchboard.net.sip;

import io.netty.channel.epoll.Epoll;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.InboundHandler;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSender;

/**
 * The SIP transports of the server: UDP, TCP and TLS listeners on Netty, and the
 * {@link TransportSender} that the SIP stack sends through.
 *
 * <p>Inbound, every complete message is handed to the {@link InboundHandler} on the event loop
 * that read it, with its exact {@link Flow} (source IP and port as seen on the socket, for
 * RFC 3581 received/rport). Outbound, a message to a peer goes on the connection already open
 * with it, accepted or ours (RFC 3261 §18, RFC 5923), or on a new one.
 *
 * <p>Sends never block and never throw: each {@link SendResult} is called exactly once, usually
 * on a network event loop, so it must not block either. Limits and timers come from
 * {@link SipTransportConfig}. Use {@link #start}, then {@link #close()} (idempotent, bounded in time).
 */
public final class SipTransports implements TransportSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SipTransports.class);
    private static final long CLOSE_CONNECTIONS_MILLIS = 1_000;
    private static final long SHUTDOWN_QUIET_MILLIS = 50;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final SipTransportConfig config;
    private final IoRuntime io;
    private final TransportCounters counters;
    private final Map<Transport, InetSocketAddress> localAddresses;
    private final UdpTransport udp;
    private final StreamTransport tcp;
    private final StreamTransport tls;
    private volatile boolean closed;

    private SipTransports(SipTransportConfig config, IoRuntime io, TransportCounters counters,
                          Map<Transport, InetSocketAddress> localAddresses, UdpTransport udp, StreamTransport tcp,
                          StreamTransport tls) {
        this.config = config;
        this.io = io;
        this.counters = counters;
        this.localAddresses = Map.copyOf(localAddresses);
        this.udp = udp;
        this.tcp = tcp;
        this.tls = tls;
    }

    /**
     * Binds the enabled listeners and starts serving.
     *
     * @throws IOException with a message naming the transport and address when a port cannot be
     *                     bound or the TLS certificate cannot be loaded; nothing is left running then
     */
    public static SipTransports start(SipTransportConfig config, InboundHandler handler) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handler, "handler");
        SslContext serverTls = config.enabled(Transport.TLS) ? TlsContexts.server(config.tlsIdentity()) : null;
        SslContext clientTls = TlsContexts.client(config.tlsIdentity(), config.tlsTrust());
        IoRuntime io = IoRuntime.create(config.effectiveIoThreads());
        TransportCounters counters = new TransportCounters();
        ConnectionLimits limits = new ConnectionLimits(config.maxConnectionsPerAddress(), config.maxConnections());
        Delivery delivery = new Delivery(handler);
        StreamTransport tcp = new StreamTransport(Transport.TCP, io, config, null, null, limits, delivery,
                counters.of(Transport.TCP));
        StreamTransport tls = new StreamTransport(Transport.TLS, io, config, serverTls, clientTls, limits, delivery,
                counters.of(Transport.TLS));
        Map<Transport, InetSocketAddress> bound = new EnumMap<>(Transport.class);
        UdpTransport udp = null;
        try {
            if (config.enabled(Transport.UDP)) {
                udp = UdpTransport.bind(io, config, delivery, counters.of(Transport.UDP));
                bound.put(Transport.UDP, udp.localAddress());
            }
            if (config.enabled(Transport.TCP)) {
                // UDP and TCP share the port: with port 0, TCP takes the one UDP got.
                int port = udp != null && config.sipPort() == 0 ? udp.localAddress().getPort() : config.sipPort();
                bound.put(Transport.TCP, tcp.listen(port));
            }
            if (config.enabled(Transport.TLS)) bound.put(Transport.TLS, tls.listen(config.tlsPort()));
        } catch (IOException | RuntimeException e) {
            SipTransports partial = new SipTransports(config, io, counters, bound, udp, tcp, tls);
            partial.close();
            throw e;
        }
        log.info("SIP transports listening on {} ({}, {} event loops)", bound,
                io.epoll() ? "epoll" : "NIO: " + Epoll.unavailabilityCause(), io.threads());
        return new SipTransports(config, io, counters, bound, udp, tcp, tls);
    }

    /** The bound address of each enabled transport: the configured IP and the actual port. */
    public Map<Transport, InetSocketAddress> localAddresses() {
        return localAddresses;
    }

    /** The bound address of {@code transport}; IllegalArgumentException when it does not listen. */
    public InetSocketAddress localAddress(Transport transport) {
        InetSocketAddress a = localAddresses.get(transport);
        if (a == null) throw new IllegalArgumentException(transport + " is not listening");
        return a;
    }

    public SipTransportConfig config() {
        return config;
    }

    /** Whether native epoll is in use (else NIO). */
    public boolean nativeTransport() {
        return io.epoll();
    }

    public SipTransportStats stats() {
        return counters.snapshot();
    }

    @Override
    public void send(Flow flow, byte[] message, SendResult result) {
        SendResult r = result == null ? SendResult.IGNORE : result;
        if (flow == null || message == null) {
            reject(Transport.UDP, flow, r, new IllegalArgumentException("flow and message are required"));
            return;
        }
        send(flow.transport(), flow.remote(), message, r);
    }

    @Override
    public void send(Transport transport, InetSocketAddress remote, byte[] message, SendResult result) {
        SendResult r = result == null ? SendResult.IGNORE : result;
        Transport t = transport == null ? Transport.UDP : transport;
        if (transport == null || remote == null || message == null) {
            reject(t, null, r, new IllegalArgumentException("transport, remote and message are required"));
        } else if (remote.isUnresolved() || remote.getAddress() == null) {
            reject(t, null, r, new IllegalArgumentException("remote address must be resolved: " + remote));
        } else if (closed) {
            reject(t, null, r, new IOException("SIP transports are closed"));
        } else {
            switch (transport) {
                case UDP -> {
                    if (udp != null) udp.send(remote, message, r);
                    else reject(t, null, r, new IOException("UDP is not enabled"));
                }
                case TCP -> tcp.send(remote, message, r);
                case TLS -> tls.send(remote, message, r);
                case WS, WSS -> reject(t, null, r, new IOException(transport + " is not served by SipTransports"));
            }
        }
    }

    private void reject(Transport transport, Flow flow, SendResult result, Exception error) {
        SendOutcome.failed(result, flow, error, counters.of(transport));
    }

    /**
     * Stops listening, closes every connection and the event loops. Returns within about
     * three seconds even when peers do not cooperate. Idempotent.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        List<Future<?>> closing = new ArrayList<>();
        if (udp != null) closing.addAll(udp.close());
        closing.addAll(tcp.close());
        closing.addAll(tls.close());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_CONNECTIONS_MILLIS);
        for (Future<?> f : closing) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !f.awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) break;
        }
        io.group().shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS + 500, TimeUnit.MILLISECONDS);
        log.info("SIP transports closed");
    }
}
