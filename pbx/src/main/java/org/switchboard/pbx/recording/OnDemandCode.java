package org.switchboard.pbx.recording;

import java.util.EnumMap;
import java.util.Map;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.record.Party;

/**
 * The on-demand recording code of a call: a party presses {@code *} then {@code 1}, the second
 * key within {@value #WINDOW_MILLIS} ms of the first (as Asterisk's {@code automixmon} and 3CX's
 * {@code *1}). Each party's presses are followed apart. Sans-IO: key presses and times in, a
 * match out. Not thread-safe (the call's executor).
 */
public final class OnDemandCode {
    /** The most time between {@code *} and {@code 1}. */
    public static final long WINDOW_MILLIS = 2000;
    /** The code as dialled. */
    public static final String CODE = "*1";

    private final Map<Party, Long> starAt = new EnumMap<>(Party.class);

    /** {@code party} pressed {@code digit} at {@code nowMillis}: true when that completes the code. */
    public boolean press(Party party, DtmfDigit digit, long nowMillis) {
        Long star = starAt.remove(party);
        if (digit == DtmfDigit.STAR) {
            starAt.put(party, nowMillis);
            return false;
        }
        return digit == DtmfDigit.ONE && star != null && nowMillis - star <= WINDOW_MILLIS && nowMillis >= star;
    }
}
