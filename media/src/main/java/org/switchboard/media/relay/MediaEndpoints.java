package org.switchboard.media.relay;

import java.util.List;

/**
 * Where the B2BUA gets media endpoints for its legs and bridges them.
 *
 * <p>Typical use by a call: allocate the caller's leg when the INVITE arrives, one leg per
 * forked contact with the same {@code callKey}, {@link MediaEndpoint#expectRemote} from each
 * SDP, {@link #bridge} the caller with the leg that answered, close the others, and close
 * every endpoint on each way the call ends. {@link #allocatedPairs()} is zero when no call is up.
 */
public interface MediaEndpoints extends AutoCloseable {

    /**
     * Binds a new RTP/RTCP pair for a leg.
     *
     * @param legId     the leg, for statistics and leak reports
     * @param callKey   legs allocated with the same key share a thread, so relaying between
     *                  them needs no thread hop; pass the call's id
     * @param onTimeout told if the leg's RTP stops while bridged
     * @throws NoMediaPortsException when no pair is free or none could be bound; the message
     *                               says why
     */
    MediaEndpoint allocate(String legId, String callKey, MediaTimeoutListener onTimeout) throws NoMediaPortsException;

    /** {@link #allocate(String, String, MediaTimeoutListener)} for a leg that is its own call, with no timeout listener. */
    default MediaEndpoint allocate(String legId) throws NoMediaPortsException {
        return allocate(legId, legId, MediaTimeoutListener.IGNORE);
    }

    /**
     * Relays each endpoint's packets to the other, RTP to RTP and RTCP to RTCP, untouched: the
     * fast path for legs that share a codec. An endpoint bridged elsewhere is unbridged from
     * there first. Starts the media timeout of both.
     *
     * @return false, and nothing changes, when either endpoint is closed
     * @throws IllegalArgumentException when {@code a == b} or an endpoint is not from this factory
     */
    boolean bridge(MediaEndpoint a, MediaEndpoint b);

    /** Stops relaying between the endpoint and its partner, if any; both keep their ports. */
    void unbridge(MediaEndpoint endpoint);

    /** Port pairs in use, including endpoints closing now; zero once every call has ended. */
    int allocatedPairs();

    /** Snapshots of every open endpoint, for {@code switchboard calls}. */
    List<MediaStats> stats();

    /** Closes every endpoint and stops the media threads. */
    @Override
    void close();
}
