package org.switchboard.media.dtmf;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a key press from the body of a SIP INFO request (the legacy INFO usage that RFC 6086
 * §1 tolerates; no RFC defines these bodies, phones agree on them):
 * <ul>
 *   <li>{@code application/dtmf-relay}: lines {@code Signal=5} and {@code Duration=160}
 *       (milliseconds), keys in any case, blanks around {@code =} and CRLF, LF or CR line ends;
 *       other lines are ignored. The signal is a key symbol ({@code 0}-{@code 9}, {@code *},
 *       {@code #}, {@code A}-{@code D} in any case) or an RFC 4733 code 10-15 ({@code 10} is
 *       {@code *}, {@code 11} is {@code #}, 12-15 are A-D).</li>
 *   <li>{@code application/dtmf}: the body is the signal alone.</li>
 * </ul>
 * A missing, unreadable or out-of-range duration gives {@value #DEFAULT_DURATION_MILLIS} ms:
 * the key matters more than its length. Never throws on the body's content.
 */
public final class SipInfoDtmf {

    /** Duration given to a press whose body does not state a usable one. */
    public static final int DEFAULT_DURATION_MILLIS = 100;
    /** Longest duration taken from a body, one minute; longer is treated as unusable. */
    public static final int MAX_DURATION_MILLIS = 60_000;
    /** Longest body read; a DTMF body is a few dozen bytes. */
    public static final int MAX_BODY_BYTES = 1024;

    private SipInfoDtmf() {
    }

    /**
     * @param contentType the request's Content-Type header value (parameters allowed), or null
     * @param body        the request's body
     */
    public static SipInfoDtmfResult parse(String contentType, byte[] body) {
        if (contentType == null) {
            return new SipInfoDtmfResult.Failed("INFO without Content-Type");
        }
        if (body == null || body.length == 0) {
            return new SipInfoDtmfResult.Failed("INFO DTMF body is empty");
        }
        if (body.length > MAX_BODY_BYTES) {
            return new SipInfoDtmfResult.Failed("INFO DTMF body longer than " + MAX_BODY_BYTES + " bytes");
        }
        String type = mediaType(contentType);
        String text = new String(body, StandardCharsets.US_ASCII);
        return switch (type) {
            case "application/dtmf-relay" -> relay(text);
            case "application/dtmf" -> signal(text.strip(), DEFAULT_DURATION_MILLIS);
            default -> new SipInfoDtmfResult.Failed("INFO body is not application/dtmf-relay or application/dtmf");
        };
    }

    private static SipInfoDtmfResult relay(String text) {
        String signal = null;
        String duration = null;
        for (String line : text.split("\r\n|\r|\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (key.equals("signal") && signal == null) {
                signal = value;
            } else if (key.equals("duration") && duration == null) {
                duration = value;
            }
        }
        if (signal == null) {
            return new SipInfoDtmfResult.Failed("dtmf-relay body has no Signal line");
        }
        return signal(signal, durationOf(duration));
    }

    private static SipInfoDtmfResult signal(String signal, int durationMillis) {
        if (signal.isEmpty()) {
            return new SipInfoDtmfResult.Failed("DTMF signal is empty");
        }
        if (signal.length() == 1) {
            return DtmfDigit.fromChar(signal.charAt(0))
                    .<SipInfoDtmfResult>map(d -> new SipInfoDtmfResult.Parsed(new DtmfEvent(d, durationMillis, DtmfSource.SIP_INFO)))
                    .orElseGet(() -> new SipInfoDtmfResult.Failed("DTMF signal is not 0-9, *, #, A-D"));
        }
        int code = smallNumber(signal);
        if (code >= 10 && DtmfDigit.isCode(code)) {
            return new SipInfoDtmfResult.Parsed(new DtmfEvent(DtmfDigit.atCode(code), durationMillis, DtmfSource.SIP_INFO));
        }
        return new SipInfoDtmfResult.Failed("DTMF signal is not 0-9, *, #, A-D or 10-15");
    }

    private static int durationOf(String value) {
        int millis = value == null ? -1 : smallNumber(value);
        return millis > 0 && millis <= MAX_DURATION_MILLIS ? millis : DEFAULT_DURATION_MILLIS;
    }

    /** The value of up to 6 ASCII digits, or -1. */
    private static int smallNumber(String s) {
        if (s.isEmpty() || s.length() > 6) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
