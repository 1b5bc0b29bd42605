package org.switchboard.pbx.call;

import java.time.Instant;
import java.util.List;

/**
 * A live call, immutable, as {@code switchboard calls} and the REST API show it.
 *
 * @param id         the call id (the same as its {@link CallRecord#id()})
 * @param caller     the caller's extension number
 * @param callee     the number dialled
 * @param state      RINGING, ANSWERED or ENDING
 * @param startedAt  when the INVITE arrived
 * @param answeredAt when it was answered, null before
 * @param legs       the caller's leg first, then the callee legs still up
 */
public record CallSnapshot(String id, String caller, String callee, String state, Instant startedAt,
                           Instant answeredAt, List<LegSnapshot> legs) {
    public CallSnapshot {
        legs = List.copyOf(legs);
    }

    /** This call with {@code legs} in place of its own (the same legs with their media figures). */
    public CallSnapshot withLegs(List<LegSnapshot> legs) {
        return new CallSnapshot(id, caller, callee, state, startedAt, answeredAt, legs);
    }
}
