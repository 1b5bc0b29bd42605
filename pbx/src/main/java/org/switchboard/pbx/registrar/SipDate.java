package org.switchboard.pbx.registrar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The SIP Date header value, {@code rfc1123-date} of RFC 3261 §20.17 ({@code Sat, 13 Nov 2010
 * 23:29:00 GMT}, always two-digit day). The last formatted second is cached: a registration
 * storm formats the same second thousands of times.
 */
final class SipDate {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Cached(long second, String text) { }

    private static volatile Cached last = new Cached(Long.MIN_VALUE, "");

    private SipDate() { }

    static String format(Instant now) {
        long second = now.getEpochSecond();
        Cached c = last;
        if (c.second() == second) return c.text();
        String text = FORMAT.format(Instant.ofEpochSecond(second));
        last = new Cached(second, text);
        return text;
    }
}
