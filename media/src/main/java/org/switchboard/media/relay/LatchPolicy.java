package org.switchboard.media.relay;

import java.util.Objects;

/**
 * How a {@link SourceLatch} chooses the address a leg's packets must come from.
 *
 * @param mode      which first source is admissible; default {@link Mode#ANY_SOURCE}
 * @param lockAfter packets from the learned source after which the latch locks for good;
 *                  default 3. Before that, and only then, a packet from exactly the address the
 *                  peer's SDP announced may take the place of a stranger who was quicker (RFC 4961:
 *                  a symmetric phone sends from where it receives). Must be 1..1000.
 */
public record LatchPolicy(Mode mode, int lockAfter) {

    /** Symmetric RTP for phones behind NAT, locking after 3 packets. */
    public static final LatchPolicy DEFAULT = new LatchPolicy(Mode.ANY_SOURCE, 3);

    /** Which first packet may teach the latch its source. */
    public enum Mode {
        /**
         * Any source: the phone may sit behind NAT, so its SDP address is not where its packets
         * come from (symmetric RTP, RFC 4961; "comedia"). The first source wins.
         */
        ANY_SOURCE,
        /**
         * Only a source with the IP address of the peer's SDP ({@code c=} line, RFC 4566 §5.7);
         * the port may differ. Nothing is learned before the SDP is known.
         */
        EXPECTED_IP
    }

    public LatchPolicy {
        Objects.requireNonNull(mode, "mode");
        if (lockAfter < 1 || lockAfter > 1000) {
            throw new IllegalArgumentException("lockAfter must be 1..1000, got " + lockAfter);
        }
    }
}
