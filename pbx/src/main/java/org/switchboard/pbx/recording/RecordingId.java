package org.switchboard.pbx.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Recording ids: {@code 20260301T093000123Z-1a2b3c4d}, the UTC time the recording started to
 * the millisecond, then 32 random bits. They sort by time, are safe in file names and URLs, and
 * a file found without its index row still tells when it was made (and so which
 * {@code YYYY/MM/DD} directory it belongs in).
 */
public final class RecordingId {
    private RecordingId() { }

    /** What an id looks like, for error messages. */
    public static final String RULE = "a recording id looks like 20260301T093000123Z-1a2b3c4d";

    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{9}Z-[0-9a-f]{8}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public static String next(Instant startedAt, RandomGenerator random) {
        return TIME.format(startedAt) + "-" + HexFormat.of().toHexDigits(random.nextInt());
    }

    public static boolean isValid(String id) {
        return startedAt(id).isPresent();
    }

    /** The time encoded in {@code id}; empty when it is not an id. */
    public static Optional<Instant> startedAt(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) return Optional.empty();
        try {
            return Optional.of(Instant.from(TIME.parse(id.substring(0, 19))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The UTC day of {@code id}, which names its directory. */
    static LocalDate day(String id) {
        return LocalDate.ofInstant(startedAt(id).orElseThrow(() -> new IllegalArgumentException(RULE)), ZoneOffset.UTC);
    }
}
