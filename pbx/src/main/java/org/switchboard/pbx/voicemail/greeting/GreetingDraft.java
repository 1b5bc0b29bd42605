package org.switchboard.pbx.voicemail.greeting;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import org.switchboard.pbx.voicemail.file.DraftFile;

/**
 * A greeting being recorded: the recorder writes a complete WAV file to {@link #channel()} (or
 * {@link #output()}), then {@link #commit()} makes it the mailbox's greeting of that kind,
 * replacing an older one, or {@link #discard()} forgets it. Owned by one thread.
 */
public final class GreetingDraft implements AutoCloseable {
    private final GreetingStore store;
    private final String mailbox;
    private final GreetingKind kind;
    private final DraftFile file;

    GreetingDraft(GreetingStore store, String mailbox, GreetingKind kind, DraftFile file) {
        this.store = store;
        this.mailbox = mailbox;
        this.kind = kind;
        this.file = file;
    }

    public String mailbox() { return mailbox; }

    public GreetingKind kind() { return kind; }

    public FileChannel channel() { return file.channel(); }

    public OutputStream output() { return file.output(); }

    /**
     * Stores the recording durably, then indexes it.
     *
     * @throws IOException when the disk fails or the content is not a WAV file (the draft is discarded)
     */
    public Greeting commit() throws IOException {
        return store.commit(mailbox, kind, file);
    }

    public void discard() {
        file.discard();
    }

    @Override
    public void close() {
        file.close();
    }

    @Override
    public String toString() {
        return "GreetingDraft[" + mailbox + "/" + kind.stem() + "]";
    }
}
