package org.switchboard.pbx.voicemail.message;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.voicemail.file.DraftFile;
import org.switchboard.pbx.voicemail.file.PrivateDirectory;
import org.switchboard.pbx.voicemail.file.WavInfo;
import org.switchboard.pbx.voicemail.message.MessageDraft.Committed;

/**
 * Messages on disk ({@code ROOT/MAILBOX/ID.wav}, {@code ROOT} being {@code DATA/voicemail}) and
 * in the {@link MessageRepository}, kept consistent:
 * <ul>
 *   <li>a new message is a {@link MessageDraft} ({@code ID.wav.tmp}) until its commit: fsync,
 *       atomic rename to {@code ID.wav}, fsync of the directory, THEN the index row;</li>
 *   <li>a deletion removes the file first, then the row (a crash between leaves a row without a
 *       file, dropped at the next start, never a deleted message coming back);</li>
 *   <li>a move between folders changes the row only (files do not move);</li>
 *   <li>{@link #recover()} at start deletes unfinished drafts, indexes committed files without a
 *       row (duration from the WAV header; the caller is then unknown) and drops rows whose file
 *       is missing.</li>
 * </ul>
 * Changes of one mailbox are serialised by a per-mailbox lock, under which {@link MailboxCounts}
 * listeners hear the new counts; {@link MessageArrivals} listeners hear of new messages after it
 * is released. The message limit is checked when a recording begins. Methods block on disk and
 * database: call them from virtual threads.
 */
public final class MessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStore.class);
    private static final String SUFFIX = ".wav";

    private final Path root;
    private final MessageRepository index;
    private final MessageLimits limits;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final List<MailboxCounts> countListeners = new CopyOnWriteArrayList<>();
    private final List<MessageArrivals> arrivalListeners = new CopyOnWriteArrayList<>();

    public MessageStore(Path root, MessageRepository index, MessageLimits limits, Clock clock, RandomGenerator random) {
        this.root = Objects.requireNonNull(root, "root");
        this.index = Objects.requireNonNull(index, "index");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public void addCountsListener(MailboxCounts listener) {
        countListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void addArrivalListener(MessageArrivals listener) {
        arrivalListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public MessageLimits limits() {
        return limits;
    }

    /** Whether a recording may begin. */
    public sealed interface Begun {
        record Recording(MessageDraft draft) implements Begun { }

        /** The mailbox holds {@code max} messages: the caller hears "mailbox full". */
        record MailboxFull(int max) implements Begun { }
    }

    /** Starts recording a message for {@code mailbox} from {@code caller}, received now. */
    public Begun begin(String mailbox, Caller caller) throws IOException {
        requireMailbox(mailbox);
        Objects.requireNonNull(caller, "caller");
        if (index.counts(mailbox).total() >= limits.maxMessages()) {
            LOG.info("Mailbox {} is full ({} messages): no new message", mailbox, limits.maxMessages());
            return new Begun.MailboxFull(limits.maxMessages());
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String id = MessageId.next(now, random);
        Path dir = PrivateDirectory.create(root.resolve(mailbox));
        return new Begun.Recording(new MessageDraft(this, id, mailbox, caller, now,
                DraftFile.create(dir.resolve(id + SUFFIX))));
    }

    Committed commit(MessageDraft draft, DraftFile file) throws IOException {
        Optional<WavInfo> wav;
        try {
            file.channel().force(false);
            wav = WavInfo.read(file.temporary());
        } catch (IOException e) {
            file.discard();
            throw e;
        }
        if (wav.isEmpty()) {
            file.discard();
            throw new IOException("the recording for mailbox " + draft.mailbox() + " is not a WAV file; nothing was stored");
        }
        Duration duration = wav.get().duration();
        if (duration.compareTo(limits.minLength()) < 0) {
            file.discard();
            LOG.debug("Message for {} discarded: {} ms is shorter than the minimum", draft.mailbox(), duration.toMillis());
            return new Committed.TooShort(duration);
        }
        VoicemailMessage message = new VoicemailMessage(draft.id(), draft.mailbox(), Folder.NEW, draft.caller(),
                draft.receivedAt(), duration);
        ReentrantLock lock = lock(draft.mailbox());
        lock.lock();
        try {
            file.commit();
            index.insert(message);
            announceCounts(message.mailbox());
        } finally {
            lock.unlock();
        }
        LOG.info("Message {} stored for mailbox {} ({} ms)", message.id(), message.mailbox(), duration.toMillis());
        announceArrival(message);
        return new Committed.Stored(message);
    }

    /** The messages of a mailbox, oldest first. */
    public List<VoicemailMessage> list(String mailbox) {
        return ExtensionNumber.isValid(mailbox) ? index.list(mailbox) : List.of();
    }

    /** The messages of one folder, oldest first. */
    public List<VoicemailMessage> list(String mailbox, Folder folder) {
        return list(mailbox).stream().filter(m -> m.folder() == folder).toList();
    }

    public Optional<VoicemailMessage> find(String mailbox, String id) {
        if (!ExtensionNumber.isValid(mailbox) || !MessageId.isValid(id)) return Optional.empty();
        return index.find(mailbox, id);
    }

    /** The recording of a message, to play or attach. */
    public Path file(VoicemailMessage message) {
        return root.resolve(message.mailbox()).resolve(message.fileName());
    }

    public MessageCounts counts(String mailbox) {
        return ExtensionNumber.isValid(mailbox) ? index.counts(mailbox) : MessageCounts.EMPTY;
    }

    /** Moves a message to another folder; false when there is no such message. */
    public boolean move(String mailbox, String id, Folder folder) {
        Objects.requireNonNull(folder, "folder");
        if (!ExtensionNumber.isValid(mailbox) || !MessageId.isValid(id)) return false;
        ReentrantLock lock = lock(mailbox);
        lock.lock();
        try {
            Optional<VoicemailMessage> message = index.find(mailbox, id);
            if (message.isEmpty()) return false;
            if (message.get().folder() == folder) return true;
            boolean moved = index.move(mailbox, id, folder);
            if (moved) announceCounts(mailbox);
            return moved;
        } finally {
            lock.unlock();
        }
    }

    /** A new message was heard: it becomes old (saved and old ones stay where they are). */
    public boolean markHeard(String mailbox, String id) {
        Optional<VoicemailMessage> message = find(mailbox, id);
        if (message.isEmpty()) return false;
        return message.get().folder() != Folder.NEW || move(mailbox, id, Folder.OLD);
    }

    /** Deletes a message: its file, then its row; false when there was none. */
    public boolean delete(String mailbox, String id) throws IOException {
        if (!ExtensionNumber.isValid(mailbox) || !MessageId.isValid(id)) return false;
        ReentrantLock lock = lock(mailbox);
        lock.lock();
        try {
            boolean file = Files.deleteIfExists(root.resolve(mailbox).resolve(id + SUFFIX));
            boolean row = index.delete(mailbox, id);
            if (file || row) {
                announceCounts(mailbox);
                LOG.info("Message {} of mailbox {} deleted", id, mailbox);
            }
            return file || row;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes files and index agree after a crash (call once at start, before calls arrive); see
     * the class comment. Messages indexed again are announced to the arrival listeners, so their
     * e-mail still goes out.
     */
    public RecoveryReport recover() throws IOException {
        int unfinished = 0;
        int indexed = 0;
        int dropped = 0;
        Set<String> touched = new TreeSet<>();
        Set<String> files = new HashSet<>();
        List<VoicemailMessage> found = new ArrayList<>();
        for (Path dir : mailboxDirectories()) {
            String mailbox = dir.getFileName().toString();
            Set<String> rows = new HashSet<>();
            index.list(mailbox).forEach(m -> rows.add(m.id()));
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isRegularFile)) {
                for (Path file : entries) {
                    String name = file.getFileName().toString();
                    if (DraftFile.isTemporary(file)) {
                        Files.deleteIfExists(file);
                        LOG.warn("Deleted the unfinished recording {} (the server stopped while it was made)", file);
                        unfinished++;
                        continue;
                    }
                    String id = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : "";
                    if (!MessageId.isValid(id)) continue;
                    files.add(mailbox + "/" + id);
                    if (rows.contains(id)) continue;
                    Optional<WavInfo> wav = WavInfo.read(file);
                    if (wav.isEmpty()) {
                        LOG.warn("Message file {} is not a WAV file: left alone, not indexed", file);
                        continue;
                    }
                    VoicemailMessage message = new VoicemailMessage(id, mailbox, Folder.NEW, Caller.UNKNOWN,
                            MessageId.receivedAt(id).orElseThrow(), wav.get().duration());
                    if (index.insert(message)) {
                        LOG.warn("Indexed message {} of mailbox {}: its file had no index row (the server stopped"
                                + " while storing it); the caller is unknown", id, mailbox);
                        found.add(message);
                        touched.add(mailbox);
                        indexed++;
                    }
                }
            }
        }
        for (VoicemailMessage m : index.all()) {
            if (!files.contains(m.mailbox() + "/" + m.id())) {
                index.delete(m.mailbox(), m.id());
                LOG.warn("Dropped message {} of mailbox {} from the index: its file {} is missing", m.id(), m.mailbox(),
                        file(m));
                touched.add(m.mailbox());
                dropped++;
            }
        }
        for (String mailbox : touched) {
            ReentrantLock lock = lock(mailbox);
            lock.lock();
            try {
                announceCounts(mailbox);
            } finally {
                lock.unlock();
            }
        }
        found.forEach(this::announceArrival);
        RecoveryReport report = new RecoveryReport(unfinished, indexed, dropped);
        if (!report.clean()) LOG.warn("Voicemail recovery: {}", report);
        return report;
    }

    private List<Path> mailboxDirectories() throws IOException {
        try (var stream = Files.list(root)) {
            return stream.filter(Files::isDirectory).filter(p -> ExtensionNumber.isValid(p.getFileName().toString()))
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private ReentrantLock lock(String mailbox) {
        return locks.computeIfAbsent(mailbox, m -> new ReentrantLock());
    }

    private void announceCounts(String mailbox) {
        if (countListeners.isEmpty()) return;
        MessageCounts counts = index.counts(mailbox);
        for (MailboxCounts listener : countListeners) {
            try {
                listener.changed(mailbox, counts);
            } catch (RuntimeException e) {
                LOG.warn("Message counts listener failed for mailbox {}", mailbox, e);
            }
        }
    }

    private void announceArrival(VoicemailMessage message) {
        for (MessageArrivals listener : arrivalListeners) {
            try {
                listener.arrived(message);
            } catch (RuntimeException e) {
                LOG.warn("New message listener failed for message {} of mailbox {}", message.id(), message.mailbox(), e);
            }
        }
    }

    private static void requireMailbox(String mailbox) {
        if (!ExtensionNumber.isValid(mailbox)) throw new IllegalArgumentException("not a mailbox number: " + mailbox);
    }
}
