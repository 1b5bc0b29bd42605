package org.switchboard.pbx.voicemail.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;

/**
 * The e-mail of one message, as persisted. Address and mode are the mailbox's when the message
 * arrived, so a later change of settings does not alter a mail already on its way.
 *
 * @param messageId     the message mailed (one delivery per message)
 * @param mailbox       its mailbox
 * @param address       the recipient
 * @param mode          {@link EmailMode#ATTACH}, {@link EmailMode#ATTACH_DELETE} or {@link EmailMode#NOTIFY}
 * @param state         where it is
 * @param attempts      attempts made so far
 * @param createdAt     when the message arrived
 * @param nextAttemptAt when a PENDING delivery is tried next
 * @param lastError     why the last attempt failed
 * @param sentAt        when the server accepted it
 */
public record Delivery(String messageId, String mailbox, String address, EmailMode mode, DeliveryState state,
                       int attempts, Instant createdAt, Optional<Instant> nextAttemptAt, Optional<String> lastError,
                       Optional<Instant> sentAt) {
    public Delivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mode, "mode");
        if (mode == EmailMode.OFF) throw new IllegalArgumentException("no delivery in mode off");
        Objects.requireNonNull(state, "state");
        if (attempts < 0) throw new IllegalArgumentException("attempts must not be negative");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** A delivery to try at once. */
    public static Delivery pending(String messageId, String mailbox, String address, EmailMode mode, Instant now) {
        return new Delivery(messageId, mailbox, address, mode, DeliveryState.PENDING, 0, now, Optional.of(now),
                Optional.empty(), Optional.empty());
    }

    public Delivery sent(Instant at) {
        return new Delivery(messageId, mailbox, address, mode, DeliveryState.SENT, attempts + 1, createdAt,
                Optional.empty(), lastError, Optional.of(at));
    }

    public Delivery retryAt(Instant next, String error) {
        return new Delivery(messageId, mailbox, address, mode, DeliveryState.PENDING, attempts + 1, createdAt,
                Optional.of(next), Optional.of(error), Optional.empty());
    }

    public Delivery failed(String error) {
        return new Delivery(messageId, mailbox, address, mode, DeliveryState.FAILED, attempts + 1, createdAt,
                Optional.empty(), Optional.of(error), Optional.empty());
    }
}
