package org.switchboard.pbx.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an administrator sees of call recordings (REST API, CLI): listing with filters, one
 * recording, its audio file, deletion. Blocks on the store.
 */
public final class RecordingAdmin {
    private final CallRecordingStore store;

    public RecordingAdmin(CallRecordingStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The recordings {@code query} asks for, newest first. */
    public List<CallRecording> list(RecordingQuery query) {
        return store.list(query);
    }

    /** The recording {@code id}; empty for an unknown id (check the shape first with {@link RecordingId#isValid}). */
    public Optional<CallRecording> find(String id) {
        return store.find(id);
    }

    /** The recording and its file, when both exist. */
    public Optional<Audio> audio(String id) {
        return store.find(id).map(r -> new Audio(r, store.file(r))).filter(a -> Files.isRegularFile(a.file()));
    }

    /** A recording with the file that holds its audio. */
    public record Audio(CallRecording recording, Path file) { }

    /** Deletes a recording, file then row; false when there was none. */
    public boolean delete(String id) throws IOException {
        return store.delete(id);
    }

    /** The recording ids of each call that has any, for call records (CDR). */
    public Map<String, List<String>> idsByCall(Collection<String> callIds) {
        return store.idsByCall(callIds);
    }
}
