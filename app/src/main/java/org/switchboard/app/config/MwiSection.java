package org.switchboard.app.config;

import java.time.Duration;
import java.util.Locale;
import org.switchboard.app.config.ConfigLoader.Values;

/** The {@code mwi:} section (message waiting indication), read by {@link ConfigLoader} with the same rules as the rest. */
final class MwiSection {
    private MwiSection() { }

    /** Shortest {@code mwi.max-expires}: the least a subscription may ask for (60 s). */
    static final Duration MIN_MAX_EXPIRES = Duration.ofSeconds(60);
    /** Longest {@code mwi.max-expires}: a day; longer lets a vanished phone's subscription linger. */
    static final Duration MAX_MAX_EXPIRES = Duration.ofDays(1);

    static SwitchboardConfig.Mwi mwi(Values values) throws ConfigException {
        SwitchboardConfig.Mwi d = SwitchboardConfig.Mwi.DEFAULT;
        boolean unsolicited = values.get("mwi.unsolicited", MwiSection::bool).orElse(d.unsolicited());
        Duration maxExpires = values.get("mwi.max-expires", MwiSection::maxExpires).orElse(d.maxExpires());
        return new SwitchboardConfig.Mwi(unsolicited, maxExpires);
    }

    static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("is not true or false");
        };
    }

    private static Duration maxExpires(String text) {
        Duration d = ConfigLoader.positiveDuration().parse(text);
        if (d.toMillis() % 1000 != 0) throw new IllegalArgumentException("is not whole seconds: SIP Expires counts seconds");
        if (d.compareTo(MIN_MAX_EXPIRES) < 0 || d.compareTo(MAX_MAX_EXPIRES) > 0) {
            throw new IllegalArgumentException("is out of range: use 60 s to 24 h (e.g. 3600 or 1h)");
        }
        return d;
    }
}
