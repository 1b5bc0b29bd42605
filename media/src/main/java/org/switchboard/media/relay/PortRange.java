package org.switchboard.media.relay;

/**
 * The UDP ports media may use, inclusive at both ends (configuration key {@code rtp-ports},
 * default {@code 10000-20000}). Pairs start on even ports (RFC 3550 §11), so an odd first port
 * is rounded up and a pair whose RTCP port would fall outside the range is left out:
 * 10000-20000 holds 5,000 pairs, 10000/10001 to 19998/19999.
 *
 * @param first lowest port, 1..65535
 * @param last  highest port, {@code first..65535}
 */
public record PortRange(int first, int last) {

    /** The default range, 10000-20000. */
    public static final PortRange DEFAULT = new PortRange(10_000, 20_000);

    public PortRange {
        if (first < 1 || last > 65_535 || first > last) {
            throw new IllegalArgumentException("RTP port range must satisfy 1 <= first <= last <= 65535, got "
                    + first + "-" + last);
        }
        if (pairs(first, last) < 1) {
            throw new IllegalArgumentException("RTP port range " + first + "-" + last
                    + " holds no even/odd pair (RTP even, RTCP = RTP + 1)");
        }
    }

    /**
     * Reads {@code "A-B"}, as in the configuration file.
     *
     * @throws IllegalArgumentException with a message saying what to write instead
     */
    public static PortRange parse(String text) {
        String t = text == null ? "" : text.strip();
        int dash = t.indexOf('-');
        try {
            if (dash > 0) return new PortRange(Integer.parseInt(t.substring(0, dash).strip()),
                    Integer.parseInt(t.substring(dash + 1).strip()));
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("RTP port range must look like 10000-20000, got '" + text + "'");
    }

    /** The first even port of the range. */
    public int firstRtpPort() {
        return first + (first & 1);
    }

    /** How many RTP/RTCP pairs the range holds. */
    public int pairs() {
        return pairs(first, last);
    }

    /** The {@code index}-th pair, 0-based. */
    PortPair pair(int index) {
        return new PortPair(firstRtpPort() + 2 * index);
    }

    /** Where {@code pair} sits in this range, or -1 when it is not one of its pairs. */
    int indexOf(PortPair pair) {
        int offset = pair.rtp() - firstRtpPort();
        return offset < 0 || offset / 2 >= pairs() ? -1 : offset / 2;
    }

    private static int pairs(int first, int last) {
        int even = first + (first & 1);
        return Math.max(0, (last - even + 1) / 2);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
