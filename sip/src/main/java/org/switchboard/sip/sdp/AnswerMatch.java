package org.switchboard.sip.sdp;

import java.util.List;

/** What {@link AnswerMatcher#match(SessionDescription, SessionDescription)} finds. */
public sealed interface AnswerMatch {

    /**
     * The answer fits the offer.
     *
     * @param answer the answer as it may be passed on: formats the offer lacked removed,
     *               streams rejected in the offer kept at port 0, directions made compatible
     * @param media  one entry per stream, in order
     */
    record Accepted(SessionDescription answer, List<MediaMatch> media) implements AnswerMatch {
        public Accepted {
            media = List.copyOf(media);
        }
    }

    /**
     * The answer cannot be an answer to the offer (RFC 3264 §6): the session cannot go on
     * with it, so a UAC acknowledges and ends the dialog (RFC 3261 §13.2.2.4).
     *
     * @param reason a fixed English reason, safe for a Reason or Warning header
     */
    record Invalid(String reason) implements AnswerMatch { }
}
