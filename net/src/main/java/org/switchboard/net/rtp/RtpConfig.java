package org.switchboard.net.rtp;

import java.net.InetAddress;
import java.util.Objects;
import org.switchboard.media.relay.MediaConfig;

/**
 * Settings of the RTP/RTCP sockets. Invalid values fail in the constructor with a message
 * naming the field.
 *
 * @param bindAddress   address the media sockets bind; default {@code 0.0.0.0}
 * @param ioThreads     media event loop threads, apart from SIP's; default 0 = one per CPU core
 * @param ipTos         IP TOS byte of relayed packets; default {@code 0xB8} (DSCP EF, RFC 3246,
 *                      the telephony class of RFC 4594 §4.1); 0 leaves it unset
 * @param maxPacketSize receive buffer per datagram; default 2,048 bytes (RTP stays under the
 *                      path MTU, RFC 3550 §11); a larger datagram is truncated; 256..65,536
 * @param media         ports, latching, quarantine and timeout
 */
public record RtpConfig(InetAddress bindAddress, int ioThreads, int ipTos, int maxPacketSize, MediaConfig media) {

    public static final int DEFAULT_IP_TOS = 0xB8;
    public static final int DEFAULT_MAX_PACKET_SIZE = 2_048;

    public RtpConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(media, "media");
        if (ioThreads < 0 || ioThreads > 256) throw new IllegalArgumentException("ioThreads must be 0..256, got " + ioThreads);
        if (ipTos < 0 || ipTos > 255) throw new IllegalArgumentException("ipTos must be 0..255, got " + ipTos);
        if (maxPacketSize < 256 || maxPacketSize > 65_536) {
            throw new IllegalArgumentException("maxPacketSize must be 256..65536, got " + maxPacketSize);
        }
    }

    /** Every default: all interfaces, one loop per core, EF marking, {@link MediaConfig#defaults()}. */
    public static RtpConfig defaults() {
        return of(InetAddress.ofLiteral("0.0.0.0"), MediaConfig.defaults());
    }

    /** Defaults, with the given bind address and media settings. */
    public static RtpConfig of(InetAddress bindAddress, MediaConfig media) {
        return new RtpConfig(bindAddress, 0, DEFAULT_IP_TOS, DEFAULT_MAX_PACKET_SIZE, media);
    }

    public RtpConfig withIoThreads(int value) {
        return new RtpConfig(bindAddress, value, ipTos, maxPacketSize, media);
    }

    /** Threads to start: {@link #ioThreads()}, or the number of cores when 0. */
    int threads() {
        return ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
    }
}
