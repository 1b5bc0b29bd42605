package org.switchboard.pbx.voicemail.message;

import java.time.Duration;
import java.util.Objects;

/**
 * What the store accepts: recordings shorter than {@code minLength} are discarded (a caller who
 * hung up at the tone leaves nothing worth a lamp), and a mailbox holding {@code maxMessages}
 * takes no more until some are deleted.
 */
public record MessageLimits(Duration minLength, int maxMessages) {
    public static final MessageLimits DEFAULT = new MessageLimits(Duration.ofSeconds(1), 100);

    public MessageLimits {
        Objects.requireNonNull(minLength, "minLength");
        if (minLength.isNegative()) throw new IllegalArgumentException("minLength must not be negative");
        if (maxMessages < 1) throw new IllegalArgumentException("maxMessages must be at least 1");
    }
}
