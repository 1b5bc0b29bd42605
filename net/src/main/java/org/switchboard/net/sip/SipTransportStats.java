package org.switchboard.net.sip;

import java.util.EnumMap;
import java.util.Map;
import org.switchboard.sip.transport.Transport;

/**
 * An immutable snapshot of the transport counters, for metrics and the console.
 * Counts are cumulative since start, except {@code connectionsOpen}, which is a gauge.
 */
public record SipTransportStats(Map<Transport, Counts> byTransport) {

    public SipTransportStats {
        byTransport = Map.copyOf(byTransport);
    }

    /** The counts of one transport (all zero when it never ran). */
    public Counts of(Transport transport) {
        return byTransport.getOrDefault(transport, Counts.ZERO);
    }

    /** The sum over all transports. */
    public Counts total() {
        Counts sum = Counts.ZERO;
        for (Counts c : byTransport.values()) sum = sum.plus(c);
        return sum;
    }

    /**
     * @param messagesIn         SIP messages delivered to the stack
     * @param messagesOut        SIP messages written to the network
     * @param bytesIn            bytes of delivered messages
     * @param bytesOut           bytes of sent messages
     * @param connectionsOpen    TCP/TLS connections open now (inbound and outbound)
     * @param connectionsRefused connections closed at once because a connection cap was reached
     * @param oversizeDrops      messages over the size limit (datagram dropped, or connection closed)
     * @param malformedDrops     stream framing errors (missing or bad Content-Length): connection closed
     * @param keepAlives         CRLF keep-alives and STUN binding requests handled (RFC 5626 §3.5.1, §4.4)
     * @param sendFailures       sends reported as failed to the caller
     * @param errors             unexpected exceptions caught (handler bugs, I/O errors)
     */
    public record Counts(long messagesIn, long messagesOut, long bytesIn, long bytesOut, long connectionsOpen,
                         long connectionsRefused, long oversizeDrops, long malformedDrops, long keepAlives,
                         long sendFailures, long errors) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(messagesIn + o.messagesIn, messagesOut + o.messagesOut, bytesIn + o.bytesIn,
                    bytesOut + o.bytesOut, connectionsOpen + o.connectionsOpen,
                    connectionsRefused + o.connectionsRefused, oversizeDrops + o.oversizeDrops,
                    malformedDrops + o.malformedDrops, keepAlives + o.keepAlives, sendFailures + o.sendFailures,
                    errors + o.errors);
        }
    }

    static SipTransportStats of(EnumMap<Transport, Counts> counts) {
        return new SipTransportStats(counts);
    }
}
