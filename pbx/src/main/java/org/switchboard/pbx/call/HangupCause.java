package org.switchboard.pbx.call;

/**
 * Why a call ended, named as FreeSWITCH and ISDN (ITU-T Q.850) name them, so that an
 * integrator reads a Switchboard CDR as the ones they know. {@link #q850()} is the Q.850
 * cause value where one exists, else 0.
 */
public enum HangupCause {
    NORMAL_CLEARING(16),
    USER_BUSY(17),
    NO_ANSWER(19),
    SUBSCRIBER_ABSENT(20),
    CALL_REJECTED(21),
    UNALLOCATED_NUMBER(1),
    ORIGINATOR_CANCEL(0),
    INCOMPATIBLE_DESTINATION(88),
    MEDIA_TIMEOUT(0),
    SESSION_TIMER_EXPIRED(102),
    NORMAL_TEMPORARY_FAILURE(41),
    SWITCH_CONGESTION(42),
    SYSTEM_SHUTDOWN(0),
    /** The server stopped without ending the call (a crash); set at the next start. */
    INTERRUPTED(0);

    private final int q850;

    HangupCause(int q850) { this.q850 = q850; }

    /** The Q.850 cause value, 0 when Q.850 has none. */
    public int q850() { return q850; }
}
