package org.switchboard.sip.sdp;

import java.util.Objects;

/**
 * The origin of the descriptions the server sends on one leg, kept as a value in the leg's
 * state: {@code o=switchboard <session id> <version> IN IP4 <address>}. RFC 3264 §8 asks
 * that every description sent within a session keep the origin line and carry a version one
 * higher when anything changed, and the same version when nothing did; {@link #stamp}
 * decides which by comparing with the last description sent.
 *
 * <p>Immutable: {@code stamp} returns the description to send and the originator to keep.
 */
public final class SdpOriginator {

    /** The origin username of every description the server writes. */
    public static final String USERNAME = "switchboard";

    private final String sessionId;
    private final long version;
    private final Connection address;
    private final SessionDescription last;

    private SdpOriginator(String sessionId, long version, Connection address, SessionDescription last) {
        this.sessionId = sessionId;
        this.version = version;
        this.address = address;
        this.last = last;
    }

    /**
     * An originator for a new leg. The session id only has to be unique among the server's
     * sessions (RFC 8866 §5.2); take it from a random source.
     *
     * @param firstVersion the version of the first description, then one more per change
     */
    public static SdpOriginator create(long sessionId, long firstVersion, Connection address) {
        if (sessionId < 0 || firstVersion < 0) throw new IllegalArgumentException("session id and version must not be negative");
        return new SdpOriginator(Long.toString(sessionId), firstVersion, Objects.requireNonNull(address), null);
    }

    /** The description to send and the originator to keep for the next one. */
    public record Stamped(SessionDescription description, SdpOriginator originator) { }

    /**
     * Sets our origin on {@code sdp}. The version is the first version for the first
     * description, the previous one when {@code sdp} equals the last description sent
     * (origin aside), and the previous one plus one otherwise.
     */
    public Stamped stamp(SessionDescription sdp) {
        if (last != null && sdp.withOrigin(last.origin()).equals(last)) return new Stamped(last, this);
        long next = last == null ? version : version + 1;
        SessionDescription stamped = sdp.withOrigin(origin(next));
        return new Stamped(stamped, new SdpOriginator(sessionId, next, address, stamped));
    }

    /** The origin of the last description sent, or of the first to come. */
    public Origin origin() { return origin(version); }

    /** The version of the last description sent, or of the first to come. */
    public long version() { return version; }

    public String sessionId() { return sessionId; }

    private Origin origin(long v) {
        return new Origin(USERNAME, sessionId, Long.toString(v), address.netType(), address.addrType(), address.host());
    }

    @Override
    public String toString() { return "SdpOriginator[" + origin() + (last == null ? ", nothing sent]" : "]"); }
}
