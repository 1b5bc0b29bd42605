package org.switchboard.pbx.recording;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.record.StereoWavSink;
import org.switchboard.media.wav.WavWriter;
import org.switchboard.pbx.voicemail.file.PrivateDirectory;
import org.switchboard.pbx.voicemail.file.WavInfo;

/**
 * Call recordings on disk ({@code ROOT/YYYY/MM/DD/ID.wav}, {@code ROOT} being
 * {@code DATA/recordings}, the day the UTC day the recording started) and in the
 * {@link RecordingRepository}, kept consistent the way voicemail keeps its messages:
 * <ul>
 *   <li>a new recording is a {@link RecordingDraft}: its sink writes a hidden temporary file
 *       ({@link WavWriter}) until {@link #commit}: fsync, atomic rename to {@code ID.wav}, fsync of
 *       the directory, THEN the index row;</li>
 *   <li>a deletion removes the file first, then the row (a crash between leaves a row without a
 *       file, dropped at the next start, never a deleted recording coming back);</li>
 *   <li>{@link #recover()} at start deletes unfinished temporary files, indexes finished files
 *       without a row (duration from the WAV header; call, parties and trigger are then unknown)
 *       and drops rows whose file is missing.</li>
 * </ul>
 * Directories are created {@code rwx------}: what was said on a call is nobody else's business.
 * Methods block on disk and database: call them from virtual threads, never from a media thread
 * or a SIP shard.
 */
public final class CallRecordingStore {
    /** The directory of recordings inside the data directory. */
    public static final String DIRECTORY = "recordings";
    static final String SUFFIX = ".wav";
    private static final Logger LOG = LoggerFactory.getLogger(CallRecordingStore.class);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_OR_DAY = Pattern.compile("\\d{2}");
    /** Rows deleted per round of {@link #deleteStartedBefore}. */
    private static final int BATCH = 500;

    private final Path root;
    private final RecordingRepository index;
    private final Clock clock;
    private final RandomGenerator random;

    public CallRecordingStore(Path root, RecordingRepository index, Clock clock, RandomGenerator random) {
        this.root = Objects.requireNonNull(root, "root");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The recordings directory. */
    public Path root() {
        return root;
    }

    /**
     * Starts a recording of call {@code callId}: creates its day's directory and the temporary file.
     *
     * @param sampleRate the rate of the call's recorder ({@code CallTap#sampleRate})
     * @throws IOException when the directory or file cannot be created (no space, no rights)
     */
    public RecordingDraft begin(String callId, String caller, String callee, Trigger trigger, int sampleRate)
            throws IOException {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(trigger, "trigger");
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String id = RecordingId.next(now, random);
        Path dir = PrivateDirectory.create(directory(id));
        StereoWavSink sink = StereoWavSink.create(dir.resolve(id + SUFFIX), sampleRate);
        return new RecordingDraft(id, callId, caller, callee, trigger, now, sink);
    }

    /**
     * Makes a draft durable and indexes it, once the recorder let go of its sink. A draft with no
     * audio at all (stopped before its first frame) is removed instead: empty.
     *
     * @throws IOException when the sink failed earlier or the file cannot be made durable; the
     *                     temporary file is then removed and nothing is indexed
     */
    public Optional<CallRecording> commit(RecordingDraft draft) throws IOException {
        Objects.requireNonNull(draft, "draft");
        StereoWavSink sink = draft.sink();
        Duration duration = sink.duration();
        if (duration.isZero() && sink.failure().isEmpty()) {
            sink.abort();
            LOG.debug("Recording {} of call {} discarded: no audio", draft.id(), draft.callId());
            return Optional.empty();
        }
        sink.commit();
        long size = Files.size(sink.target());
        CallRecording recording = new CallRecording(draft.id(), draft.callId(), draft.startedAt(),
                draft.startedAt().plus(duration), duration, draft.caller(), draft.callee(), draft.trigger(), size);
        index.insert(recording);
        LOG.info("Recording {} of call {} stored ({} ms, {})", recording.id(), recording.callId(), duration.toMillis(),
                recording.trigger());
        return Optional.of(recording);
    }

    /** Throws a draft away: its temporary file is removed. Idempotent. */
    public void abort(RecordingDraft draft) {
        draft.sink().abort();
    }

    /** The recordings {@code query} asks for, newest first. */
    public List<CallRecording> list(RecordingQuery query) {
        return index.list(Objects.requireNonNull(query, "query"));
    }

    /** The recording {@code id}; empty when there is none or {@code id} is not an id. */
    public Optional<CallRecording> find(String id) {
        return RecordingId.isValid(id) ? index.find(id) : Optional.empty();
    }

    /** The recording ids of each call that has any. */
    public Map<String, List<String>> idsByCall(Collection<String> callIds) {
        return callIds.isEmpty() ? Map.of() : index.idsByCall(callIds);
    }

    /** The file of a recording, to play, export or attach. */
    public Path file(CallRecording recording) {
        return directory(recording.id()).resolve(recording.fileName());
    }

    /** Deletes a recording: its file, then its row; false when there was neither. */
    public boolean delete(String id) throws IOException {
        if (!RecordingId.isValid(id)) return false;
        boolean file = Files.deleteIfExists(directory(id).resolve(id + SUFFIX));
        boolean row = index.delete(id);
        if (file || row) LOG.info("Recording {} deleted", id);
        return file || row;
    }

    /**
     * Deletes every recording that started before {@code cutoff}, file first then row, and
     * returns how many. A recording whose file cannot be deleted keeps its row (and is counted
     * out): the next round tries again.
     */
    public int deleteStartedBefore(Instant cutoff) throws IOException {
        int deleted = 0;
        Set<String> failed = new HashSet<>();
        while (true) {
            List<CallRecording> old = index.startedBefore(cutoff, BATCH + failed.size());
            int before = deleted;
            for (CallRecording r : old) {
                if (failed.contains(r.id())) continue;
                try {
                    Files.deleteIfExists(file(r));
                } catch (IOException e) {
                    LOG.warn("Cannot delete the expired recording {}: {}", file(r), e.getMessage());
                    failed.add(r.id());
                    continue;
                }
                index.delete(r.id());
                deleted++;
            }
            if (deleted == before) return deleted;
        }
    }

    /**
     * Makes files and index agree after a crash (call once at start, before calls arrive); see
     * the class comment.
     */
    public RecordingRecovery recover() throws IOException {
        int unfinished = 0;
        int indexed = 0;
        int dropped = 0;
        Set<String> rows = new HashSet<>();
        List<CallRecording> all = index.all();
        all.forEach(r -> rows.add(r.id()));
        Set<String> files = new HashSet<>();
        for (Path day : dayDirectories()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(day, Files::isRegularFile)) {
                for (Path file : entries) {
                    if (WavWriter.isTemporary(file)) {
                        Files.deleteIfExists(file);
                        LOG.warn("Deleted the unfinished recording {} (the server stopped while it was made)", file);
                        unfinished++;
                        continue;
                    }
                    String name = file.getFileName().toString();
                    String id = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : "";
                    if (!RecordingId.isValid(id) || !directory(id).equals(day)) continue;
                    files.add(id);
                    if (rows.contains(id)) continue;
                    Optional<WavInfo> wav = WavInfo.read(file);
                    if (wav.isEmpty()) {
                        LOG.warn("Recording file {} is not a WAV file: left alone, not indexed", file);
                        continue;
                    }
                    Instant started = RecordingId.startedAt(id).orElseThrow();
                    Duration duration = wav.get().duration();
                    if (index.insert(new CallRecording(id, "", started, started.plus(duration), duration, "", "",
                            Trigger.UNKNOWN, Files.size(file)))) {
                        LOG.warn("Indexed recording {}: its file had no index row (the server stopped while storing"
                                + " it); its call and parties are unknown", id);
                        indexed++;
                    }
                }
            }
        }
        for (CallRecording r : all) {
            if (!files.contains(r.id())) {
                index.delete(r.id());
                LOG.warn("Dropped recording {} from the index: its file {} is missing", r.id(), file(r));
                dropped++;
            }
        }
        RecordingRecovery report = new RecordingRecovery(unfinished, indexed, dropped);
        if (!report.clean()) LOG.warn("Call recording recovery: {}", report);
        return report;
    }

    /** {@code ROOT/YYYY/MM/DD} of a recording id. */
    private Path directory(String id) {
        LocalDate day = RecordingId.day(id);
        return root.resolve(String.format(Locale.ROOT, "%04d", day.getYear())).resolve(String.format(Locale.ROOT, "%02d", day.getMonthValue()))
                .resolve(String.format(Locale.ROOT, "%02d", day.getDayOfMonth()));
    }

    private List<Path> dayDirectories() throws IOException {
        List<Path> days = new ArrayList<>();
        for (Path year : children(root, YEAR)) {
            for (Path month : children(year, MONTH_OR_DAY)) {
                days.addAll(children(month, MONTH_OR_DAY));
            }
        }
        return days;
    }

    private static List<Path> children(Path dir, Pattern name) throws IOException {
        try (var stream = Files.list(dir)) {
            return stream.filter(Files::isDirectory).filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }
}
