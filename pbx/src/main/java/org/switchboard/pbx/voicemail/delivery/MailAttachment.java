package org.switchboard.pbx.voicemail.delivery;

import java.nio.file.Path;
import java.util.Objects;

/** A file attached to a mail, read when the mail is sent. */
public record MailAttachment(String fileName, String contentType, Path file) {
    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(file, "file");
    }
}
