package org.switchboard.pbx.voicemail.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.switchboard.pbx.extension.ExtensionNumber;

/**
 * A stored message as indexed. Its recording is {@code MAILBOX/ID.wav} under the voicemail
 * directory ({@link MessageStore#file}).
 *
 * @param id         {@link MessageId}
 * @param mailbox    the extension it was left for
 * @param folder     where it is
 * @param caller     who left it
 * @param receivedAt when recording started
 * @param duration   how long it plays
 */
public record VoicemailMessage(String id, String mailbox, Folder folder, Caller caller, Instant receivedAt,
                               Duration duration) {
    public VoicemailMessage {
        if (!MessageId.isValid(id)) throw new IllegalArgumentException("not a message id: " + id);
        if (!ExtensionNumber.isValid(mailbox)) throw new IllegalArgumentException(ExtensionNumber.RULE);
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(duration, "duration");
    }

    public String fileName() {
        return id + ".wav";
    }

    public VoicemailMessage inFolder(Folder newFolder) {
        return new VoicemailMessage(id, mailbox, newFolder, caller, receivedAt, duration);
    }
}
