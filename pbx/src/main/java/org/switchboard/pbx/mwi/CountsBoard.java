package org.switchboard.pbx.mwi;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last counts heard of each mailbox, so a NOTIFY never waits for the database once a
 * mailbox is known: voicemail's reports ({@link #put}) always win over a read of the
 * {@link MessageCountsSource}, which only fills a mailbox not heard of yet. One entry per
 * extension that was subscribed to, registered or reported; thread-safe.
 */
final class CountsBoard {
    private static final Logger LOG = LoggerFactory.getLogger(CountsBoard.class);

    private final ConcurrentHashMap<String, VoiceCounts> known = new ConcurrentHashMap<>();
    private final MessageCountsSource source;
    private final Executor blocking;

    CountsBoard(MessageCountsSource source, Executor blocking) {
        this.source = Objects.requireNonNull(source, "source");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /** Records a report; true when the counts differ from the last known ones (or none were known). */
    boolean put(String extension, VoiceCounts counts) {
        VoiceCounts before = known.put(extension, counts);
        return !counts.equals(before);
    }

    Optional<VoiceCounts> known(String extension) {
        return Optional.ofNullable(known.get(extension));
    }

    /** Forgets a mailbox (its extension was removed). */
    void forget(String extension) {
        known.remove(extension);
    }

    /**
     * Runs {@code action} with the counts of {@code extension}: at once on this thread when they
     * are known, else after reading the source on the blocking executor, then on
     * {@code executor}, with whatever is known by then (a report that arrived meanwhile wins).
     */
    void whenKnown(String extension, Executor executor, Consumer<VoiceCounts> action) {
        VoiceCounts now = known.get(extension);
        if (now != null) {
            action.accept(now);
            return;
        }
        blocking.execute(() -> {
            VoiceCounts read = read(extension);
            executor.execute(() -> action.accept(known.getOrDefault(extension, read)));
        });
    }

    private VoiceCounts read(String extension) {
        try {
            VoiceCounts c = Objects.requireNonNull(source.counts(extension), "counts");
            known.putIfAbsent(extension, c);
            return c;
        } catch (RuntimeException e) {
            LOG.warn("Message counts of mailbox {} unreadable, sent as none: {}", extension, e.toString());
            return VoiceCounts.NONE;
        }
    }
}
