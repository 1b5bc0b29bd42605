package org.switchboard.net.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import org.switchboard.sip.transport.Transport;

/**
 * Settings of the SIP transports (RFC 3261 §18). Every field has a default; build one with
 * {@link #builder()} or take {@link #defaults()}. Invalid values fail in the constructor with a
 * message naming the field.
 *
 * @param bindAddress              address the listeners bind; default {@code 0.0.0.0} (all
 *                                 interfaces); {@code ::} binds all IPv6 and IPv4 interfaces
 * @param sipPort                  UDP and TCP port; default 5060; 0 binds an ephemeral port
 * @param tlsPort                  TLS port; default 5061; 0 binds an ephemeral port
 * @param transports               listeners to start; default UDP and TCP; TLS needs {@code tlsIdentity}
 * @param tlsIdentity              certificate and key of the TLS listener; default none
 * @param tlsTrust                 trust for outbound TLS; default null = the JDK's trusted CAs
 * @param maxMessageSize           largest SIP message accepted, head plus body; default 65,535 bytes
 * @param idleTimeout              a TCP/TLS connection with no traffic either way for this long is
 *                                 closed; default 3,900 s (longer than a 3,600 s registration)
 * @param firstMessageTimeout      an accepted connection that has not sent one complete message
 *                                 (TLS handshake included) in this time is closed; default 30 s
 * @param connectTimeout           limit for opening an outbound TCP/TLS connection; default 10 s
 * @param maxConnectionsPerAddress open TCP/TLS connections allowed per remote IP, accepted and
 *                                 outbound together; default 32; more are reset at once
 * @param maxConnections           open TCP/TLS connections allowed in total; default 10,000
 * @param udpReceiveBufferBytes    SO_RCVBUF of the UDP sockets; default 4 MiB (the kernel caps it
 *                                 at net.core.rmem_max); 0 keeps the OS default
 * @param ioThreads                network event loop threads; default 0 = one per CPU core
 */
public record SipTransportConfig(
        InetAddress bindAddress,
        int sipPort,
        int tlsPort,
        Set<Transport> transports,
        TlsIdentity tlsIdentity,
        TrustManagerFactory tlsTrust,
        int maxMessageSize,
        Duration idleTimeout,
        Duration firstMessageTimeout,
        Duration connectTimeout,
        int maxConnectionsPerAddress,
        int maxConnections,
        int udpReceiveBufferBytes,
        int ioThreads) {

    public static final int DEFAULT_SIP_PORT = 5060;
    public static final int DEFAULT_TLS_PORT = 5061;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 65_535;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(3_900);
    public static final Duration DEFAULT_FIRST_MESSAGE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 32;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_UDP_RECEIVE_BUFFER = 4 << 20;
    /** Smallest allowed {@link #maxMessageSize}: a minimal request needs a few hundred bytes. */
    public static final int MIN_MESSAGE_SIZE = 512;
    /** Largest allowed {@link #maxMessageSize}. */
    public static final int MAX_MESSAGE_SIZE = 1 << 20;

    private static final Set<Transport> SUPPORTED = EnumSet.of(Transport.UDP, Transport.TCP, Transport.TLS);

    public SipTransportConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(transports, "transports");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(firstMessageTimeout, "firstMessageTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        check(sipPort >= 0 && sipPort <= 65_535, "sipPort must be 0..65535, got " + sipPort);
        check(tlsPort >= 0 && tlsPort <= 65_535, "tlsPort must be 0..65535, got " + tlsPort);
        check(!transports.isEmpty(), "transports must name at least one of UDP, TCP, TLS");
        for (Transport t : transports) {
            check(SUPPORTED.contains(t), "transport " + t + " is not served by SipTransports (UDP, TCP, TLS only)");
        }
        transports = Set.copyOf(transports);
        check(!transports.contains(Transport.TLS) || tlsIdentity != null,
                "TLS is enabled but tlsIdentity (certificate and key) is not set");
        check(maxMessageSize >= MIN_MESSAGE_SIZE && maxMessageSize <= MAX_MESSAGE_SIZE,
                "maxMessageSize must be " + MIN_MESSAGE_SIZE + ".." + MAX_MESSAGE_SIZE + " bytes, got " + maxMessageSize);
        checkPositive(idleTimeout, "idleTimeout");
        checkPositive(firstMessageTimeout, "firstMessageTimeout");
        checkPositive(connectTimeout, "connectTimeout");
        check(maxConnectionsPerAddress >= 1, "maxConnectionsPerAddress must be at least 1, got " + maxConnectionsPerAddress);
        check(maxConnections >= 1, "maxConnections must be at least 1, got " + maxConnections);
        check(udpReceiveBufferBytes >= 0, "udpReceiveBufferBytes must be 0 (OS default) or more, got " + udpReceiveBufferBytes);
        check(ioThreads >= 0, "ioThreads must be 0 (one per core) or more, got " + ioThreads);
    }

    /** All defaults: UDP and TCP on 0.0.0.0:5060. */
    public static SipTransportConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this config's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bindAddress = bindAddress;
        b.sipPort = sipPort;
        b.tlsPort = tlsPort;
        b.transports = EnumSet.copyOf(transports);
        b.tlsIdentity = tlsIdentity;
        b.tlsTrust = tlsTrust;
        b.maxMessageSize = maxMessageSize;
        b.idleTimeout = idleTimeout;
        b.firstMessageTimeout = firstMessageTimeout;
        b.connectTimeout = connectTimeout;
        b.maxConnectionsPerAddress = maxConnectionsPerAddress;
        b.maxConnections = maxConnections;
        b.udpReceiveBufferBytes = udpReceiveBufferBytes;
        b.ioThreads = ioThreads;
        return b;
    }

    /** Whether the listener of {@code transport} is enabled. */
    public boolean enabled(Transport transport) {
        return transports.contains(transport);
    }

    /** The effective number of event loop threads. */
    int effectiveIoThreads() {
        return ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    private static void checkPositive(Duration d, String name) {
        check(!d.isNegative() && !d.isZero(), name + " must be positive, got " + d);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private InetAddress bindAddress = anyIpv4();
        private int sipPort = DEFAULT_SIP_PORT;
        private int tlsPort = DEFAULT_TLS_PORT;
        private Set<Transport> transports = EnumSet.of(Transport.UDP, Transport.TCP);
        private TlsIdentity tlsIdentity;
        private TrustManagerFactory tlsTrust;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration firstMessageTimeout = DEFAULT_FIRST_MESSAGE_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int udpReceiveBufferBytes = DEFAULT_UDP_RECEIVE_BUFFER;
        private int ioThreads;

        private Builder() { }

        public Builder bindAddress(InetAddress v) { bindAddress = v; return this; }

        /** Parses an IP literal such as {@code 0.0.0.0}, {@code ::} or {@code 192.0.2.10}; host names are refused. */
        public Builder bindAddress(String ipLiteral) {
            try {
                bindAddress = InetAddress.ofLiteral(Objects.requireNonNull(ipLiteral, "bindAddress").strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bindAddress must be an IP literal, got '" + ipLiteral + "'", e);
            }
            return this;
        }

        public Builder sipPort(int v) { sipPort = v; return this; }
        public Builder tlsPort(int v) { tlsPort = v; return this; }
        public Builder transports(Set<Transport> v) { transports = EnumSet.copyOf(v); return this; }

        /** Sets the TLS certificate and enables the TLS listener. */
        public Builder tls(TlsIdentity identity) {
            tlsIdentity = identity;
            transports.add(Transport.TLS);
            return this;
        }

        public Builder tlsIdentity(TlsIdentity v) { tlsIdentity = v; return this; }
        public Builder tlsTrust(TrustManagerFactory v) { tlsTrust = v; return this; }
        public Builder maxMessageSize(int v) { maxMessageSize = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        public Builder firstMessageTimeout(Duration v) { firstMessageTimeout = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder maxConnectionsPerAddress(int v) { maxConnectionsPerAddress = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder udpReceiveBufferBytes(int v) { udpReceiveBufferBytes = v; return this; }
        public Builder ioThreads(int v) { ioThreads = v; return this; }

        public SipTransportConfig build() {
            return new SipTransportConfig(bindAddress, sipPort, tlsPort, transports, tlsIdentity, tlsTrust,
                    maxMessageSize, idleTimeout, firstMessageTimeout, connectTimeout, maxConnectionsPerAddress,
                    maxConnections, udpReceiveBufferBytes, ioThreads);
        }

        private static InetAddress anyIpv4() {
            try {
                return InetAddress.getByAddress(new byte[4]);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
