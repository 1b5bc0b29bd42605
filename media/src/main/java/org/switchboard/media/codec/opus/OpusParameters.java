package org.switchboard.media.codec.opus;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * The {@code a=fmtp} parameters of Opus that we honour (RFC 7587 §6.1), as one side declared
 * them: what its decoder wants to receive.
 *
 * <p>{@link #parse} is tolerant, as anything from the network must be: an unknown parameter,
 * a garbled value (or a zero) is ignored and the default stays; a number outside the range the
 * RFC gives is clamped into it; never an exception.
 *
 * @param maxPlaybackRate   the highest audio rate the receiver will play, 8000..48000 Hz
 *                          (default 48000): the encoder need not code a wider band
 * @param stereo            whether the receiver prefers stereo (default false); we send mono,
 *                          which it must accept anyway (RFC 7587 §7)
 * @param useInbandFec      whether the receiver's decoder uses in-band FEC (default false): worth
 *                          spending bits on it
 * @param useDtx            whether the receiver prefers discontinuous transmission (default false)
 * @param maxAverageBitrate the highest average bitrate it wants, 6000..510000 bit/s, or 0 when
 *                          not given
 * @param ptime             the packet duration it prefers, 1..120 ms, or 0 when not given
 */
public record OpusParameters(
        int maxPlaybackRate, boolean stereo, boolean useInbandFec, boolean useDtx, int maxAverageBitrate, int ptime) {

    /** What RFC 7587 §6.1 says when a parameter is absent. */
    public static final OpusParameters DEFAULTS = new OpusParameters(48000, false, false, false, 0, 0);

    private static final int MIN_PLAYBACK = 8000;
    private static final int MAX_PLAYBACK = 48000;
    private static final int MIN_BITRATE = 6000;
    private static final int MAX_BITRATE = 510000;
    private static final int MAX_PTIME = 120;

    public OpusParameters {
        if (maxPlaybackRate < MIN_PLAYBACK || maxPlaybackRate > MAX_PLAYBACK) {
            throw new IllegalArgumentException("maxplaybackrate " + maxPlaybackRate + " is not in 8000..48000");
        }
        if (maxAverageBitrate != 0 && (maxAverageBitrate < MIN_BITRATE || maxAverageBitrate > MAX_BITRATE)) {
            throw new IllegalArgumentException("maxaveragebitrate " + maxAverageBitrate + " is not 0 or in 6000..510000");
        }
        if (ptime < 0 || ptime > MAX_PTIME) {
            throw new IllegalArgumentException("ptime " + ptime + " is not 0 or in 1..120 ms");
        }
    }

    /**
     * Reads the parameters of an fmtp line: {@code "maxplaybackrate=16000; useinbandfec=1"}, also
     * with its {@code a=fmtp:111 } prefix. Names are matched without regard to case. Null or blank
     * gives {@link #DEFAULTS}.
     */
    public static OpusParameters parse(String fmtp) {
        if (fmtp == null) {
            return DEFAULTS;
        }
        String text = stripPrefix(fmtp.strip());
        int maxPlaybackRate = DEFAULTS.maxPlaybackRate;
        boolean stereo = false;
        boolean fec = false;
        boolean dtx = false;
        int bitrate = 0;
        int ptime = 0;
        for (String item : text.split(";")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).strip();
            switch (name) {
                case "maxplaybackrate" -> maxPlaybackRate = clamp(number(value), MIN_PLAYBACK, MAX_PLAYBACK, maxPlaybackRate);
                case "stereo" -> stereo = flag(value, stereo);
                case "useinbandfec" -> fec = flag(value, fec);
                case "usedtx" -> dtx = flag(value, dtx);
                case "maxaveragebitrate" -> bitrate = clamp(number(value), MIN_BITRATE, MAX_BITRATE, bitrate);
                case "ptime" -> {
                    long ms = number(value);
                    if (ms >= 1 && ms <= MAX_PTIME) {
                        ptime = (int) ms;
                    }
                }
                default -> { } // RFC 4566 §6: unknown parameters are ignored
            }
        }
        return new OpusParameters(maxPlaybackRate, stereo, fec, dtx, bitrate, ptime);
    }

    /**
     * The fmtp parameter text for our own SDP (no {@code a=fmtp:PT} prefix), naming only what
     * differs from {@link #DEFAULTS}; empty when nothing does.
     */
    public String toFmtp() {
        StringJoiner out = new StringJoiner(";");
        if (maxPlaybackRate != DEFAULTS.maxPlaybackRate) {
            out.add("maxplaybackrate=" + maxPlaybackRate);
        }
        if (stereo) {
            out.add("stereo=1");
        }
        if (useInbandFec) {
            out.add("useinbandfec=1");
        }
        if (useDtx) {
            out.add("usedtx=1");
        }
        if (maxAverageBitrate != 0) {
            out.add("maxaveragebitrate=" + maxAverageBitrate);
        }
        if (ptime != 0) {
            out.add("ptime=" + ptime);
        }
        return out.toString();
    }

    private static String stripPrefix(String text) {
        String rest = text;
        if (rest.regionMatches(true, 0, "a=fmtp:", 0, 7)) {
            rest = rest.substring(7);
        }
        int i = 0;
        while (i < rest.length() && Character.isDigit(rest.charAt(i))) {
            i++;
        }
        if (i > 0 && i < rest.length() && Character.isWhitespace(rest.charAt(i))) {
            rest = rest.substring(i);
        }
        return rest;
    }

    /** The decimal value, or -1 when it is not a plain non-negative integer. */
    private static long number(String value) {
        if (value.isEmpty() || value.length() > 12) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Clamps a positive value into the RFC's range; 0 or garbage keeps {@code otherwise}. */
    private static int clamp(long value, int min, int max, int otherwise) {
        if (value <= 0) {
            return otherwise;
        }
        return (int) Math.max(min, Math.min(max, value));
    }

    private static boolean flag(String value, boolean otherwise) {
        return switch (value) {
            case "1" -> true;
            case "0" -> false;
            default -> otherwise;
        };
    }
}
