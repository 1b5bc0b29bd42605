package org.switchboard.sip.sdp;

/**
 * The first {@code t=<start> <stop>} line (RFC 8866 §5.9), NTP seconds; {@code t=0 0} is a
 * permanent session, which is what SIP calls use (RFC 3264 §5). Further {@code t=} lines
 * and their {@code r=}/{@code z=} lines are kept as {@link Field}s.
 */
public record Timing(long start, long stop) {

    public static final Timing PERMANENT = new Timing(0, 0);

    public Timing {
        if (start < 0 || stop < 0) throw new IllegalArgumentException("timing must not be negative");
    }

    public String text() { return start + " " + stop; }

    @Override
    public String toString() { return "t=" + text(); }
}
