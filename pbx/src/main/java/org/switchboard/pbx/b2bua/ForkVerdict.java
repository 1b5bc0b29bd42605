package org.switchboard.pbx.b2bua;

import java.util.List;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.voice.VoiceApplications.Unanswered;

/**
 * What the caller hears when no contact answered, chosen from the contacts' final responses
 * (RFC 3261 §16.7 step 6, simplified for a PBX): busy (486) only when every contact was busy, a
 * decline (603) when a phone declined, 488 when every contact refused the session description
 * (488 or 606: no codec in common even with those the server transcodes to), otherwise 480
 * Temporarily Unavailable.
 *
 * @param status     the status for the caller
 * @param reason     its reason phrase
 * @param disposition for the call record
 * @param cause      for the call record
 */
record ForkVerdict(int status, String reason, Disposition disposition, HangupCause cause) {

    static final ForkVerdict NO_ANSWER = new ForkVerdict(480, "Temporarily Unavailable", Disposition.NO_ANSWER,
            HangupCause.NO_ANSWER);
    static final ForkVerdict NOT_REGISTERED = new ForkVerdict(480, "Temporarily Unavailable", Disposition.FAILED,
            HangupCause.SUBSCRIBER_ABSENT);

    /** The verdict for these final statuses of every contact (none answered). */
    static ForkVerdict of(List<Integer> statuses) {
        if (statuses.isEmpty()) return NOT_REGISTERED;
        boolean allBusy = true;
        boolean allRefusedMedia = true;
        for (int s : statuses) {
            if (s == 603 || s == 607) return new ForkVerdict(603, "Decline", Disposition.NO_ANSWER, HangupCause.CALL_REJECTED);
            if (s != 486 && s != 600) allBusy = false;
            if (s != 488 && s != 606) allRefusedMedia = false;
        }
        if (allBusy) return new ForkVerdict(486, "Busy Here", Disposition.BUSY, HangupCause.USER_BUSY);
        if (allRefusedMedia) {
            return new ForkVerdict(488, "Not Acceptable Here", Disposition.FAILED, HangupCause.INCOMPATIBLE_DESTINATION);
        }
        boolean anyRang = statuses.stream().anyMatch(s -> s == 487 || s == 480 || s == 408);
        return anyRang ? NO_ANSWER : new ForkVerdict(480, "Temporarily Unavailable", Disposition.FAILED,
                HangupCause.NORMAL_TEMPORARY_FAILURE);
    }

    /**
     * Why the callee was not reached, for voicemail ({@code VoiceApplications#unanswered}) when
     * every contact failed: busy for 486/600 everywhere or a decline (603), else unavailable
     * (480, 408, 503, 488... from every phone). The ring timeout is {@link Unanswered#NO_ANSWER}.
     */
    Unanswered unanswered() {
        return status == 486 || status == 603 ? Unanswered.BUSY : Unanswered.UNAVAILABLE;
    }
}
