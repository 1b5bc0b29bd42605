package org.switchboard.sip.transaction;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.switchboard.sip.transport.Transport;

/**
 * Configuration of a {@link SipStack}.
 *
 * @param shards number of serial shards; default: the number of available processors
 * @param timers RFC 3261 timers; default {@link TimerSettings#DEFAULT} (T1 500 ms, T2 4 s, T4 5 s)
 * @param sentBy our Via sent-by per transport, for requests we send; default none (sending
 *               on a transport without one is refused)
 */
public record SipStackSettings(int shards, TimerSettings timers, Map<Transport, SentBy> sentBy) {

    public SipStackSettings {
        if (shards < 1 || shards > 1024) throw new IllegalArgumentException("shards must be 1..1024: " + shards);
        Objects.requireNonNull(timers, "timers");
        sentBy = Map.copyOf(sentBy);
    }

    /** The defaults described above. */
    public static SipStackSettings defaults() {
        return new SipStackSettings(Runtime.getRuntime().availableProcessors(), TimerSettings.DEFAULT, Map.of());
    }

    public SipStackSettings withShards(int n) { return new SipStackSettings(n, timers, sentBy); }

    public SipStackSettings withTimers(TimerSettings t) { return new SipStackSettings(shards, t, sentBy); }

    /** Adds or replaces the sent-by of one transport. */
    public SipStackSettings withSentBy(Transport transport, SentBy address) {
        Map<Transport, SentBy> copy = new EnumMap<>(Transport.class);
        copy.putAll(sentBy);
        copy.put(transport, address);
        return new SipStackSettings(shards, timers, copy);
    }
}
