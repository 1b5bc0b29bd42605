package org.switchboard.sip.sdp;

import java.util.Optional;

/**
 * The direction of a media stream from the point of view of the description's author
 * (RFC 8866 §6.7, RFC 3264 §5.1): {@code sendrecv} when no attribute says otherwise.
 */
public enum Direction {
    SENDRECV("sendrecv", true, true),
    SENDONLY("sendonly", true, false),
    RECVONLY("recvonly", false, true),
    INACTIVE("inactive", false, false);

    private final String attributeName;
    private final boolean sends;
    private final boolean receives;

    Direction(String attributeName, boolean sends, boolean receives) {
        this.attributeName = attributeName;
        this.sends = sends;
        this.receives = receives;
    }

    /** The attribute that states this direction, e.g. {@code sendonly}. */
    public String attributeName() { return attributeName; }

    public Attribute attribute() { return Attribute.flag(attributeName); }

    /** True when the author will send media on the stream. */
    public boolean sends() { return sends; }

    /** True when the author wants to receive media on the stream. */
    public boolean receives() { return receives; }

    /**
     * The direction an answerer that accepts the stream fully gives in its answer
     * (RFC 3264 §6.1): sendonly is answered recvonly, recvonly sendonly, the others alike.
     */
    public Direction inverse() { return of(receives, sends); }

    /**
     * True for the directions a party uses to put the other on hold (RFC 3264 §8.4): it no
     * longer wants to receive, so sendrecv becomes sendonly and recvonly becomes inactive.
     */
    public boolean isHold() { return !receives; }

    /** This direction without the receiving part: what a hold turns it into. */
    public Direction withoutReceiving() { return of(sends, false); }

    public static Direction of(boolean sends, boolean receives) {
        if (sends) return receives ? SENDRECV : SENDONLY;
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction an attribute states, if it is one of the four direction attributes. */
    public static Optional<Direction> fromAttribute(Attribute a) {
        if (a.value() != null) return Optional.empty();
        for (Direction d : values()) {
            if (a.is(d.attributeName)) return Optional.of(d);
        }
        return Optional.empty();
    }

    /** The last direction attribute of a list (RFC 8866 allows one; peers that repeat mean the last). */
    static Optional<Direction> in(Iterable<Attribute> attributes) {
        Direction found = null;
        for (Attribute a : attributes) {
            Optional<Direction> d = fromAttribute(a);
            if (d.isPresent()) found = d.get();
        }
        return Optional.ofNullable(found);
    }
}
