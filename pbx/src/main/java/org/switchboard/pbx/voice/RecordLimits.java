package org.switchboard.pbx.voice;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a recording ({@link Conversation#record}) stops by itself: at {@code maxLength} of audio,
 * after {@code silenceEnd} of audio below {@code silenceThresholdDbfs} (empty: never for silence;
 * Asterisk's voicemail uses 10 s under about -45 dBFS), or when the caller presses one of
 * {@code endKeys} ({@code #} to finish, {@code 0} for the operator). The caller hanging up always ends it.
 */
public record RecordLimits(Duration maxLength, Optional<Duration> silenceEnd, int silenceThresholdDbfs, String endKeys) {
    public RecordLimits {
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(silenceEnd, "silenceEnd");
        Objects.requireNonNull(endKeys, "endKeys");
        if (!maxLength.isPositive()) throw new IllegalArgumentException("the maximum length must be positive");
        if (silenceEnd.isPresent() && !silenceEnd.get().isPositive()) throw new IllegalArgumentException("silence must be positive");
        if (silenceThresholdDbfs > 0 || silenceThresholdDbfs < -96) {
            throw new IllegalArgumentException("the silence threshold is -96 to 0 dBFS, not " + silenceThresholdDbfs);
        }
        for (char c : endKeys.toCharArray()) {
            if (Conversation.ANY_KEY.indexOf(c) < 0) throw new IllegalArgumentException("not a key: " + c);
        }
    }
}
