package org.switchboard.media.rtp;

import java.util.random.RandomGenerator;

/**
 * The RTCP transmission interval of RFC 3550 §6.3.1, as appendix A.7's {@code rtcp_interval}:
 * the average compound size times the members sharing the RTCP bandwidth, at least
 * {@link #MIN_SECONDS} (halved before the first report), multiplied by a random factor in
 * [0.5, 1.5) so that participants do not synchronise, and divided by e − 3/2 to compensate for
 * timer reconsideration. With two members and voice bandwidths the minimum governs: 2.05 s to
 * 6.16 s between reports (1.03 s to 3.08 s before the first).
 */
public final class RtcpInterval {

    /** Minimum deterministic interval, §6.2 ("the recommended value is 5 seconds"). */
    public static final double MIN_SECONDS = 5.0;
    /** Share of the RTCP bandwidth for senders when they are few, §6.2. */
    public static final double SENDER_BANDWIDTH_FRACTION = 0.25;
    /** e − 3/2, §6.3.1. */
    public static final double COMPENSATION = Math.E - 1.5;

    private RtcpInterval() {
    }

    /**
     * The deterministic interval Td in seconds (before randomisation and compensation).
     *
     * @param members            participants in the session, us included
     * @param senders            participants that sent RTP recently, us included
     * @param rtcpBytesPerSecond the RTCP bandwidth (5% of the session bandwidth, §6.2)
     * @param weSent             whether we sent RTP since our last report
     * @param averageRtcpSize    average compound size in octets, UDP/IP headers included
     * @param initial            whether we have not sent a report yet
     */
    public static double deterministicSeconds(int members, int senders, double rtcpBytesPerSecond, boolean weSent,
                                              double averageRtcpSize, boolean initial) {
        double minimum = initial ? MIN_SECONDS / 2 : MIN_SECONDS;
        int n = Math.max(1, members);
        double bandwidth = rtcpBytesPerSecond;
        if (senders <= members * SENDER_BANDWIDTH_FRACTION) {
            if (weSent) {
                bandwidth *= SENDER_BANDWIDTH_FRACTION;
                n = Math.max(1, senders);
            } else {
                bandwidth *= 1 - SENDER_BANDWIDTH_FRACTION;
                n = Math.max(1, members - senders);
            }
        }
        double t = bandwidth > 0 ? averageRtcpSize * n / bandwidth : minimum;
        return Math.max(t, minimum);
    }

    /** The randomised, compensated interval in seconds (A.7), drawing from {@code random}. */
    public static double seconds(int members, int senders, double rtcpBytesPerSecond, boolean weSent,
                                 double averageRtcpSize, boolean initial, RandomGenerator random) {
        double td = deterministicSeconds(members, senders, rtcpBytesPerSecond, weSent, averageRtcpSize, initial);
        return td * (random.nextDouble() + 0.5) / COMPENSATION;
    }

    /** {@link #seconds} in nanoseconds. */
    public static long nanos(int members, int senders, double rtcpBytesPerSecond, boolean weSent,
                             double averageRtcpSize, boolean initial, RandomGenerator random) {
        return (long) (seconds(members, senders, rtcpBytesPerSecond, weSent, averageRtcpSize, initial, random) * 1e9);
    }
}
