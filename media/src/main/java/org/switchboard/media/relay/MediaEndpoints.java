package org.switchboard.media.relay;

import java.util.List;
import java.util.concurrent.Executor;
import org.switchboard.media.record.CallTap;
import org.switchboard.media.record.RecordingFormat;
import org.switchboard.media.record.TapListener;

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

    /**
     * Taps a call for recording: from now on every RTP packet the {@code caller}'s and the
     * {@code callee}'s phones send (relayed, or terminated for music or transcoding; after SRTP
     * decryption) is also seen by a {@link org.switchboard.media.record.StereoRecorder} on the
     * endpoints' media thread, ticked every 20 ms by that thread's media clock. Packets go on
     * untouched. The tap starts armed: {@code listener} hears key presses; {@link CallTap#record}
     * writes. Tapping an endpoint again replaces its previous tap (whose recording stops).
     * The tap ends with {@link CallTap#close()}, or by itself once both endpoints are closed.
     *
     * @param callExecutor where {@code listener} is called (the call's serial executor), never a media thread
     * @throws IllegalArgumentException when the endpoints are the same one, not from this media layer,
     *                                  or on different media threads (allocate both with the call's key)
     * @throws UnsupportedOperationException when this media layer cannot tap calls (the default)
     */
    default CallTap tap(MediaEndpoint caller, RecordingFormat callerFormat, MediaEndpoint callee,
                        RecordingFormat calleeFormat, Executor callExecutor, TapListener listener) {
        throw new UnsupportedOperationException("this media layer cannot record calls");
    }

    /** Port pairs in use, including endpoints closing now; zero once every call has ended. */
    int allocatedPairs();

    /** Snapshots of every open endpoint, for {@code switchboard calls}. */
    List<MediaStats> stats();

    /** Closes every endpoint and stops the media threads. */
    @Override
    void close();
}
