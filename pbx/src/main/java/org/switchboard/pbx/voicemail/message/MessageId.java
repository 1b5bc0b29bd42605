package org.switchboard.pbx.voicemail.message;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Message ids: {@code 20260301T093000123Z-1a2b3c4d}, the UTC time it was received to the
 * millisecond, then 32 random bits. They sort by time, are safe in file names and URLs, and a
 * file found without its index row still tells when it arrived.
 */
public final class MessageId {
    private MessageId() { }

    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{9}Z-[0-9a-f]{8}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public static String next(Instant receivedAt, RandomGenerator random) {
        return TIME.format(receivedAt) + "-" + HexFormat.of().toHexDigits(random.nextInt());
    }

    public static boolean isValid(String id) {
        return id != null && SHAPE.matcher(id).matches() && receivedAt(id).isPresent();
    }

    /** The time encoded in {@code id}. */
    public static Optional<Instant> receivedAt(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) return Optional.empty();
        try {
            return Optional.of(Instant.from(TIME.parse(id.substring(0, 19))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
