package org.switchboard.pbx.call;

import java.util.Objects;
import java.util.Optional;
import org.switchboard.media.relay.LegQuality;

/**
 * One leg of a live call, as {@code switchboard calls} shows it.
 *
 * @param id        the leg id ({@code <call id>-a} for the caller, {@code -b1}, {@code -b2}... for contacts)
 * @param party     the extension number this leg talks to
 * @param state     RINGING, EARLY, ANSWERED, ENDING; once answered HOLDING (its phone holds the call)
 *                  or HELD (its party hears music on hold)
 * @param transport UDP, TCP or TLS
 * @param remote    the phone's signalling address, host:port
 * @param rtpPort   the server's RTP port for this leg (RTCP is the next), 0 without media
 * @param media     the leg's media figures when they were asked for ({@link LiveCalls#snapshot}):
 *                  counters, loss, jitter, round trip, the phone's own report ({@link LegQuality});
 *                  empty for a callee leg while several contacts ring, and when the media layer
 *                  did not answer in time
 */
public record LegSnapshot(String id, String party, String state, String transport, String remote, int rtpPort,
                          Optional<LegQuality> media) {

    public LegSnapshot {
        Objects.requireNonNull(media, "media");
    }

    /** A leg as signalling knows it, before its media figures are added. */
    public LegSnapshot(String id, String party, String state, String transport, String remote, int rtpPort) {
        this(id, party, state, transport, remote, rtpPort, Optional.empty());
    }

    /** This leg with its media figures. */
    public LegSnapshot withMedia(LegQuality quality) {
        return new LegSnapshot(id, party, state, transport, remote, rtpPort, Optional.of(quality));
    }
}
