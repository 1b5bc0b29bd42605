package org.switchboard.pbx.voicemail.delivery;

/** Where a delivery is. */
public enum DeliveryState {
    /** Waiting for its next attempt. */
    PENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Given up: refused for good, or still failing after the retry policy's limit. The message stays in the mailbox. */
    FAILED
}
