package org.switchboard.media.dtmf;

import java.util.Objects;

/**
 * One telephone-event packet to send: what goes into its RTP header (timestamp, marker; the
 * caller adds sequence number, SSRC and payload type) and its payload.
 *
 * @param sendAt    when to send it, in the clock the schedule was made with (milliseconds)
 * @param timestamp the RTP timestamp: the start of the event, or of its segment (RFC 4733 §2.5.1.3)
 * @param marker    the RTP marker bit: set on the first packet of an event only (§2.5.1.2)
 * @param event     the payload
 */
public record TelephoneEventPacket(long sendAt, int timestamp, boolean marker, TelephoneEvent event) {

    public TelephoneEventPacket {
        Objects.requireNonNull(event, "event");
    }

    /** Writes the 4-byte payload into {@code out} from {@code offset}; returns its length. */
    public int writePayload(byte[] out, int offset) { return event.write(out, offset); }
}
