package org.switchboard.pbx.extension;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every extension's number and name in memory, so that call routing on a SIP shard never waits
 * for the database. Loaded once at start; {@link #refresh} re-reads one number after a change
 * (wire it to {@link ExtensionService#addListener}). Thread-safe. Secrets are not kept here.
 */
public final class ExtensionDirectory {
    private final ExtensionRepository repository;
    private final Map<String, Extension> byNumber = new ConcurrentHashMap<>();

    private ExtensionDirectory(ExtensionRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** Reads every extension (blocks on the database: call at start). */
    public static ExtensionDirectory load(ExtensionRepository repository) {
        ExtensionDirectory d = new ExtensionDirectory(repository);
        for (Extension e : repository.list()) d.byNumber.put(e.number(), e);
        return d;
    }

    /** The extension with this number, from memory. */
    public Optional<Extension> find(String number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** Re-reads one number after it was added, changed or removed (blocks on the database). */
    public void refresh(String number) {
        repository.find(number).ifPresentOrElse(e -> byNumber.put(number, e), () -> byNumber.remove(number));
    }

    /** How many extensions exist. */
    public int size() { return byNumber.size(); }
}
