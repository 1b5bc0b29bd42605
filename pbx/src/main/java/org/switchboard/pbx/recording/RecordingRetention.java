package org.switchboard.pbx.recording;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes recordings older than {@code recording.retention-days} ({@link RecordingSettings}):
 * once at start and then every day, on a virtual thread of its own, file first then row
 * ({@link CallRecordingStore#deleteStartedBefore}). With 0 days recordings are kept forever and
 * nothing is scheduled. A failed round is logged and the next day tries again.
 */
public final class RecordingRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingRetention.class);
    /** How often the clean-up runs. */
    public static final Duration INTERVAL = Duration.ofDays(1);

    private final CallRecordingStore store;
    private final RecordingSettings settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public RecordingRetention(CallRecordingStore store, RecordingSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The instant before which recordings are deleted now; empty when they are kept forever. */
    public Optional<Instant> cutoff() {
        if (settings.keepsForever()) return Optional.empty();
        return Optional.of(clock.instant().minus(Duration.ofDays(settings.retentionDays())));
    }

    /** Deletes the recordings past their retention now and returns how many. Blocks on disk and database. */
    public int purge() {
        Instant cutoff = cutoff().orElse(null);
        if (cutoff == null) return 0;
        try {
            int deleted = store.deleteStartedBefore(cutoff);
            if (deleted > 0) {
                LOG.info("Deleted {} recording(s) older than {} days (recording.retention-days)", deleted,
                        settings.retentionDays());
            }
            return deleted;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot delete the recordings older than {} days: {}; trying again in a day",
                    settings.retentionDays(), e.toString());
            return 0;
        }
    }

    /** Runs {@link #purge()} now and then every {@link #INTERVAL}, unless recordings are kept forever. */
    public synchronized void start() {
        if (settings.keepsForever()) {
            LOG.info("Call recordings are kept forever (recording.retention-days: 0)");
            return;
        }
        if (scheduler != null) return;
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("recording-retention").factory());
        scheduler.scheduleWithFixedDelay(this::purge, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the daily clean-up; a round under way finishes its current file. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
