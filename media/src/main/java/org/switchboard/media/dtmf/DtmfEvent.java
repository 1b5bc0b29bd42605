package org.switchboard.media.dtmf;

import java.util.Objects;

/**
 * One key press, reported once whatever the redundancy of its transport.
 *
 * @param digit          the key
 * @param durationMillis how long it was held, as its source measured or announced it
 * @param source         how it arrived
 */
public record DtmfEvent(DtmfDigit digit, int durationMillis, DtmfSource source) {

    public DtmfEvent {
        Objects.requireNonNull(digit, "digit");
        Objects.requireNonNull(source, "source");
        if (durationMillis < 0) {
            throw new IllegalArgumentException("duration " + durationMillis + " ms is negative");
        }
    }
}
