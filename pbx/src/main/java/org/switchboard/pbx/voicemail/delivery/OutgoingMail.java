package org.switchboard.pbx.voicemail.delivery;

import java.util.Objects;
import java.util.Optional;

/** A plain-text mail to one recipient, with at most one attachment. The sender's address is the transport's. */
public record OutgoingMail(String to, String subject, String text, Optional<MailAttachment> attachment) {
    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(attachment, "attachment");
    }
}
