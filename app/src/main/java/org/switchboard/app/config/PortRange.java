package org.switchboard.app.config;

/**
 * An inclusive range of UDP ports for RTP, written {@code A-B}. RTP takes even ports and RTCP
 * the odd port above (RFC 3550 §11), so a range of N ports carries about N/2 media streams.
 */
public record PortRange(int first, int last) {
    public PortRange {
        if (first < 1024 || last > 65_535 || first >= last) {
            throw new IllegalArgumentException("a port range is A-B with 1024 <= A < B <= 65535");
        }
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    /** Parses {@code A-B}; throws with the rule when the text is not one. */
    public static PortRange parse(String text) {
        String[] parts = text.strip().split("-", -1);
        if (parts.length != 2) throw new IllegalArgumentException("write a port range as A-B, e.g. 10000-20000");
        try {
            return new PortRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("write a port range as A-B, e.g. 10000-20000");
        }
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
