package org.switchboard.pbx.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One call record (CDR): written when the call starts ({@link #started}), completed once when it
 * ends ({@link #completed}). A record with no {@code endedAt} is a live call; at the next start
 * after a crash such records are completed as {@link HangupCause#INTERRUPTED}.
 *
 * @param id          the call's id, unique, also the prefix of its leg ids
 * @param caller      the caller's extension number (authenticated, never what the caller wrote)
 * @param callerName  the caller's display name, may be empty
 * @param callee      the number dialled
 * @param startedAt   when the INVITE arrived
 * @param answeredAt  when the callee answered, null if never
 * @param endedAt     when the call ended, null while live
 * @param disposition how it ended, null while live
 * @param cause       why it ended, null while live
 * @param hangupSide  who ended it, null while live
 * @param legIds      the ids of its legs, the caller's first
 */
public record CallRecord(String id, String caller, String callerName, String callee, Instant startedAt,
                         Instant answeredAt, Instant endedAt, Disposition disposition, HangupCause cause,
                         HangupSide hangupSide, List<String> legIds) {

    public CallRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(startedAt, "startedAt");
        legIds = List.copyOf(legIds);
    }

    /** The record of a call that just started. */
    public static CallRecord started(String id, String caller, String callerName, String callee, Instant at,
                                     List<String> legIds) {
        return new CallRecord(id, caller, callerName, callee, at, null, null, null, null, null, legIds);
    }

    /** This record with its leg ids replaced (legs are added while the call rings). */
    public CallRecord withLegs(List<String> legs) {
        return new CallRecord(id, caller, callerName, callee, startedAt, answeredAt, endedAt, disposition, cause,
                hangupSide, legs);
    }

    /** This record answered at {@code at}. */
    public CallRecord answered(Instant at) {
        return new CallRecord(id, caller, callerName, callee, startedAt, at, endedAt, disposition, cause, hangupSide,
                legIds);
    }

    /** This record completed. */
    public CallRecord completed(Instant at, Disposition d, HangupCause c, HangupSide side) {
        return new CallRecord(id, caller, callerName, callee, startedAt, answeredAt, at, d, c, side, legIds);
    }

    /** True once the call has ended. */
    public boolean ended() { return endedAt != null; }

    /** Start to end (or to {@code now} while live), whole seconds rounded up, so never below {@link #billableSeconds}. */
    public long durationSeconds(Instant now) {
        long millis = Duration.between(startedAt, endedAt != null ? endedAt : now).toMillis();
        return (millis + 999) / 1000;
    }

    /** Answer to end (or {@code now}), whole seconds rounded up as billing does; 0 if never answered. */
    public long billableSeconds(Instant now) {
        if (answeredAt == null) return 0;
        long millis = Duration.between(answeredAt, endedAt != null ? endedAt : now).toMillis();
        return (millis + 999) / 1000;
    }
}
