package org.switchboard.pbx.voicemail.message;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.time.Instant;
import org.switchboard.pbx.voicemail.file.DraftFile;

/**
 * A message being recorded. The recorder writes a complete WAV file (header finished) to
 * {@link #channel()} or {@link #output()}, then calls {@link #commit()}; a caller who hung up
 * before the tone gets {@link #discard()}. Nothing is visible to the mailbox before the commit.
 * Owned by one thread (the call's); {@link #close()} discards an uncommitted draft.
 */
public final class MessageDraft implements AutoCloseable {
    private final MessageStore store;
    private final String id;
    private final String mailbox;
    private final Caller caller;
    private final Instant receivedAt;
    private final DraftFile file;

    MessageDraft(MessageStore store, String id, String mailbox, Caller caller, Instant receivedAt, DraftFile file) {
        this.store = store;
        this.id = id;
        this.mailbox = mailbox;
        this.caller = caller;
        this.receivedAt = receivedAt;
        this.file = file;
    }

    public String id() { return id; }

    public String mailbox() { return mailbox; }

    public Caller caller() { return caller; }

    public Instant receivedAt() { return receivedAt; }

    public FileChannel channel() { return file.channel(); }

    public OutputStream output() { return file.output(); }

    /**
     * Makes the message durable and indexed, or discards it when shorter than the minimum length.
     *
     * @throws IOException when the disk fails or the content is not a WAV file; nothing is stored
     */
    public Committed commit() throws IOException {
        return store.commit(this, file);
    }

    public void discard() {
        file.discard();
    }

    @Override
    public void close() {
        file.close();
    }

    /** What a commit did. */
    public sealed interface Committed {
        /** Stored and indexed. */
        record Stored(VoicemailMessage message) implements Committed { }

        /** Shorter than {@code voicemail.min-message-length}: discarded. */
        record TooShort(Duration duration) implements Committed { }
    }

    @Override
    public String toString() {
        return "MessageDraft[" + mailbox + "/" + id + "]";
    }
}
