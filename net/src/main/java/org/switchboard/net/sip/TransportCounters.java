package org.switchboard.net.sip;

import java.util.EnumMap;
import java.util.concurrent.atomic.LongAdder;
import org.switchboard.sip.transport.Transport;

/** Live counters, updated from every event loop without locks; {@link #snapshot()} reads them. */
final class TransportCounters {

    /** The counters of one transport. */
    static final class Meter {
        final LongAdder messagesIn = new LongAdder();
        final LongAdder messagesOut = new LongAdder();
        final LongAdder bytesIn = new LongAdder();
        final LongAdder bytesOut = new LongAdder();
        final LongAdder connectionsOpen = new LongAdder();
        final LongAdder connectionsRefused = new LongAdder();
        final LongAdder oversizeDrops = new LongAdder();
        final LongAdder malformedDrops = new LongAdder();
        final LongAdder keepAlives = new LongAdder();
        final LongAdder sendFailures = new LongAdder();
        final LongAdder errors = new LongAdder();

        void received(int bytes) {
            messagesIn.increment();
            bytesIn.add(bytes);
        }

        void sent(int bytes) {
            messagesOut.increment();
            bytesOut.add(bytes);
        }

        SipTransportStats.Counts snapshot() {
            return new SipTransportStats.Counts(messagesIn.sum(), messagesOut.sum(), bytesIn.sum(), bytesOut.sum(),
                    connectionsOpen.sum(), connectionsRefused.sum(), oversizeDrops.sum(), malformedDrops.sum(),
                    keepAlives.sum(), sendFailures.sum(), errors.sum());
        }
    }

    private final EnumMap<Transport, Meter> meters = new EnumMap<>(Transport.class);

    TransportCounters() {
        for (Transport t : Transport.values()) meters.put(t, new Meter());
    }

    Meter of(Transport transport) {
        return meters.get(transport);
    }

    SipTransportStats snapshot() {
        EnumMap<Transport, SipTransportStats.Counts> counts = new EnumMap<>(Transport.class);
        meters.forEach((t, m) -> counts.put(t, m.snapshot()));
        return SipTransportStats.of(counts);
    }
}
