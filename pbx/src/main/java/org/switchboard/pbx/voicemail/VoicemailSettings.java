package org.switchboard.pbx.voicemail;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.voicemail.delivery.RetryPolicy;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.message.MessageLimits;

/**
 * The {@code voicemail:} section of the configuration.
 *
 * @param maxMessageLength  a caller's recording stops here ({@code max-message-length}, 180 s)
 * @param minMessageLength  shorter recordings are discarded ({@code min-message-length}, 1 s)
 * @param silenceEnd        a recording also stops after this much silence ({@code silence-end}, 10 s)
 * @param silenceThreshold  level under which audio counts as silence, in dBFS ({@code silence-threshold}, -45)
 * @param maxMessages       a full mailbox takes no new message ({@code max-messages}, 100)
 * @param language          prompts and mails of mailboxes without their own ({@code language}, en)
 * @param emailRetry        retries of failed mails ({@code email-retry-first}, {@code email-retry-max},
 *                          {@code email-give-up}: 1 min, 6 h, 48 h)
 * @param operator          where a caller who presses 0 while leaving a message is put through
 *                          ({@code operator}, an extension number; absent: 0 does nothing)
 * @param enabled           whether unanswered calls go to voicemail and {@code *97}/{@code *98} answer
 *                          ({@code enabled}, true); false: callers get busy/unavailable as without voicemail
 */
public record VoicemailSettings(Duration maxMessageLength, Duration minMessageLength, Duration silenceEnd,
                                int silenceThreshold, int maxMessages, MailboxLanguage language,
                                RetryPolicy emailRetry, Optional<String> operator, boolean enabled) {
    public static final VoicemailSettings DEFAULT = new VoicemailSettings(Duration.ofSeconds(180), Duration.ofSeconds(1),
            Duration.ofSeconds(10), -45, 100, MailboxLanguage.EN, RetryPolicy.DEFAULT);

    /** Settings without an operator: {@code 0} in voicemail does nothing. */
    public VoicemailSettings(Duration maxMessageLength, Duration minMessageLength, Duration silenceEnd,
                             int silenceThreshold, int maxMessages, MailboxLanguage language, RetryPolicy emailRetry) {
        this(maxMessageLength, minMessageLength, silenceEnd, silenceThreshold, maxMessages, language, emailRetry,
                Optional.empty(), true);
    }

    public VoicemailSettings {
        Objects.requireNonNull(maxMessageLength, "maxMessageLength");
        Objects.requireNonNull(minMessageLength, "minMessageLength");
        Objects.requireNonNull(silenceEnd, "silenceEnd");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(emailRetry, "emailRetry");
        Objects.requireNonNull(operator, "operator");
        operator.filter(n -> !ExtensionNumber.isValid(n)).ifPresent(n -> {
            throw new IllegalArgumentException("operator must be an extension number: " + ExtensionNumber.RULE);
        });
        if (!maxMessageLength.isPositive()) throw new IllegalArgumentException("max-message-length must be positive");
        if (minMessageLength.isNegative() || minMessageLength.compareTo(maxMessageLength) >= 0) {
            throw new IllegalArgumentException("min-message-length must be shorter than max-message-length");
        }
        if (!silenceEnd.isPositive()) throw new IllegalArgumentException("silence-end must be positive");
        if (silenceThreshold > 0 || silenceThreshold < -96) {
            throw new IllegalArgumentException("silence-threshold must be -96 to 0 dBFS");
        }
        if (maxMessages < 1) throw new IllegalArgumentException("max-messages must be at least 1");
    }

    /** What the message store enforces. */
    public MessageLimits limits() {
        return new MessageLimits(minMessageLength, maxMessages);
    }
}
