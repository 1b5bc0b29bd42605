package org.switchboard.pbx.recording;

import java.util.Objects;
import org.switchboard.media.record.Party;
import org.switchboard.media.record.RecordingFormat;
import org.switchboard.media.relay.MediaEndpoint;

/**
 * An answered call as recording sees it: its id (the call record's, so a recording is linked to
 * its CDR) and its two parties, the caller on the left channel and the callee on the right.
 */
public record RecordedCall(String callId, Side caller, Side callee) {

    public RecordedCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        if (caller.endpoint() == callee.endpoint()) {
            throw new IllegalArgumentException("caller and callee must have their own media endpoints");
        }
    }

    /**
     * One party: the media endpoint of its leg, what its phone sends (from the leg's completed
     * offer/answer) and its number (the extension, or the number a trunk gave).
     */
    public record Side(MediaEndpoint endpoint, RecordingFormat format, String number) {
        public Side {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(number, "number");
        }
    }

    public Side side(Party party) {
        return party == Party.CALLER ? caller : callee;
    }
}
