package org.switchboard.pbx.voicemail.greeting;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.voicemail.file.DraftFile;
import org.switchboard.pbx.voicemail.file.PrivateDirectory;
import org.switchboard.pbx.voicemail.file.WavInfo;

/**
 * Greeting recordings in {@code ROOT/MAILBOX/greetings/KIND.wav} ({@code ROOT} is
 * {@code DATA/voicemail}), indexed by a {@link GreetingRepository}. A new recording is written
 * as a {@link DraftFile} (fsync, atomic rename over the old one, fsync of the directory) and
 * only then indexed; removal deletes the file first, then the row, so a crash in between leaves
 * a row without a file, which {@link #recover()} drops. Methods block on disk and database.
 */
public final class GreetingStore {
    static final String DIRECTORY = "greetings";
    private static final Logger LOG = LoggerFactory.getLogger(GreetingStore.class);

    private final Path root;
    private final GreetingRepository index;
    private final Clock clock;

    public GreetingStore(Path root, GreetingRepository index, Clock clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts recording a greeting of {@code mailbox}. */
    public GreetingDraft begin(String mailbox, GreetingKind kind) throws IOException {
        requireMailbox(mailbox);
        Objects.requireNonNull(kind, "kind");
        Path dir = PrivateDirectory.create(directory(mailbox));
        return new GreetingDraft(this, mailbox, kind, DraftFile.create(dir.resolve(kind.stem() + ".wav")));
    }

    Greeting commit(String mailbox, GreetingKind kind, DraftFile draft) throws IOException {
        Optional<WavInfo> wav;
        try {
            draft.channel().force(false);
            wav = WavInfo.read(draft.temporary());
        } catch (IOException e) {
            draft.discard();
            throw e;
        }
        if (wav.isEmpty()) {
            draft.discard();
            throw new IOException("the greeting recording of " + mailbox + " is not a WAV file; nothing was stored");
        }
        draft.commit();
        Greeting greeting = new Greeting(mailbox, kind, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS),
                wav.get().duration());
        index.put(greeting);
        LOG.info("Greeting {} of mailbox {} recorded ({} ms)", kind.stem(), mailbox, greeting.duration().toMillis());
        return greeting;
    }

    /** The recorded greetings of a mailbox. */
    public List<Greeting> list(String mailbox) {
        return ExtensionNumber.isValid(mailbox) ? index.list(mailbox) : List.of();
    }

    /** The file of a greeting, to play it. */
    public Path file(Greeting greeting) {
        return directory(greeting.mailbox()).resolve(greeting.fileName());
    }

    /** Deletes a greeting (file first, then row); false when there was none. */
    public boolean remove(String mailbox, GreetingKind kind) throws IOException {
        if (!ExtensionNumber.isValid(mailbox)) return false;
        boolean file = Files.deleteIfExists(directory(mailbox).resolve(kind.stem() + ".wav"));
        boolean row = index.remove(mailbox, kind);
        if (file || row) LOG.info("Greeting {} of mailbox {} deleted", kind.stem(), mailbox);
        return file || row;
    }

    /**
     * Makes files and index agree after a crash: deletes unfinished recordings, indexes
     * greetings whose file exists without a row, drops rows whose file is gone.
     *
     * @return how many files or rows were repaired
     */
    public int recover() throws IOException {
        int repaired = 0;
        Set<String> files = new HashSet<>();
        for (Path mailboxDir : mailboxDirectories()) {
            String mailbox = mailboxDir.getFileName().toString();
            Path dir = mailboxDir.resolve(DIRECTORY);
            if (!Files.isDirectory(dir)) continue;
            Set<GreetingKind> indexed = new HashSet<>();
            index.list(mailbox).forEach(g -> indexed.add(g.kind()));
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path file : entries) {
                    String name = file.getFileName().toString();
                    if (DraftFile.isTemporary(file)) {
                        Files.deleteIfExists(file);
                        LOG.warn("Deleted the unfinished greeting recording {}", file);
                        repaired++;
                        continue;
                    }
                    Optional<GreetingKind> kind = name.endsWith(".wav")
                            ? GreetingKind.parse(name.substring(0, name.length() - 4)) : Optional.empty();
                    if (kind.isEmpty()) continue;
                    files.add(mailbox + "/" + kind.get().stem());
                    if (indexed.contains(kind.get())) continue;
                    Optional<WavInfo> wav = WavInfo.read(file);
                    if (wav.isEmpty()) {
                        LOG.warn("Greeting file {} is not a WAV file: left alone, not played", file);
                        continue;
                    }
                    index.put(new Greeting(mailbox, kind.get(), Files.getLastModifiedTime(file).toInstant()
                            .truncatedTo(ChronoUnit.MILLIS), wav.get().duration()));
                    LOG.warn("Indexed greeting {} of mailbox {}: its file had no index row (a crash?)", name, mailbox);
                    repaired++;
                }
            }
        }
        for (Greeting g : index.all()) {
            if (!files.contains(g.mailbox() + "/" + g.kind().stem())) {
                index.remove(g.mailbox(), g.kind());
                LOG.warn("Dropped greeting {} of mailbox {} from the index: its file {} is missing", g.kind().stem(),
                        g.mailbox(), file(g));
                repaired++;
            }
        }
        return repaired;
    }

    private List<Path> mailboxDirectories() throws IOException {
        try (var stream = Files.list(root)) {
            return stream.filter(Files::isDirectory)
                    .filter(p -> ExtensionNumber.isValid(p.getFileName().toString()))
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private Path directory(String mailbox) {
        return root.resolve(mailbox).resolve(DIRECTORY);
    }

    private static void requireMailbox(String mailbox) {
        if (!ExtensionNumber.isValid(mailbox)) throw new IllegalArgumentException("not a mailbox number: " + mailbox);
    }
}
