package org.switchboard.e2e.harness;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What goes over the wire to one UDP port on loopback, as tshark sees it: each datagram decoded as RTP
 * ({@code -d udp.port==PORT,rtp}) and its payload printed in hex. tshark does not know SRTP, so an SRTP packet's
 * payload is shown with its authentication tag, still encrypted. Captures a bounded number of packets within a
 * bounded time, then ends by itself.
 */
public final class RtpCapture implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final ChildProcess tshark;

    private RtpCapture(ChildProcess tshark) {
        this.tshark = tshark;
    }

    /**
     * Starts capturing datagrams sent to {@code port} on {@code lo} and returns once tshark captures.
     *
     * @param packets how many to capture before tshark ends
     * @param within tshark ends after this long whatever it captured
     */
    public static RtpCapture toPort(int port, int packets, Duration within) {
        ChildProcess tshark = ChildProcess.start("tshark-" + port, List.of("tshark", "-i", "lo", "-n", "-l",
                "-f", "udp dst port " + port, "-c", Integer.toString(packets), "-a", "duration:" + within.toSeconds(),
                "-d", "udp.port==" + port + ",rtp", "-T", "fields", "-e", "rtp.payload"),
                java.nio.file.Path.of("."), Map.of(), within.plusSeconds(30));
        if (tshark.awaitLine(l -> l.startsWith("Capturing on"), START_TIMEOUT).isEmpty()) {
            tshark.stop(Duration.ofSeconds(2));
            throw new IllegalStateException("tshark did not start capturing; see " + tshark.log());
        }
        return new RtpCapture(tshark);
    }

    /** Waits until tshark has ended (count or time reached) and returns the payloads it printed, in order. */
    public List<byte[]> awaitPayloads(Duration timeout) {
        if (!tshark.awaitExit(timeout)) {
            tshark.stop(Duration.ofSeconds(2));
        }
        return tshark.output().lines().filter(l -> l.matches("[0-9a-f]{2}(:?[0-9a-f]{2})*"))
                .map(l -> HEX.parseHex(l.replace(":", ""))).toList();
    }

    public java.nio.file.Path log() {
        return tshark.log();
    }

    @Override
    public void close() {
        tshark.stop(Duration.ofSeconds(2));
    }
}
