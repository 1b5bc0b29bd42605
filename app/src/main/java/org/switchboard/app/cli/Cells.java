package org.switchboard.app.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Table cells from the API's JSON: absent or null fields show as {@code -}, instants in local time. */
final class Cells {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Cells() { }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "-" : value.asString();
    }

    /** An ISO-8601 instant as {@code yyyy-MM-dd HH:mm:ss} in {@code zone}; shown as sent when it does not parse. */
    static String time(JsonNode node, String field, ZoneId zone) {
        String text = text(node, field);
        if (text.equals("-")) return text;
        try {
            return LOCAL.format(Instant.parse(text).atZone(zone));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /** Seconds as {@code H:MM:SS}, the way call-record readers show durations. */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
