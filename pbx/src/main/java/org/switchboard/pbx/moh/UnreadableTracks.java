package org.switchboard.pbx.moh;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once per file that a track cannot be played, so that a broken upload costs one WARN line
 * rather than one per hold (or per loop). Thread-safe: tracks are opened on the call's thread and,
 * further on in a playlist, on a media thread.
 */
final class UnreadableTracks {
    private static final Logger LOG = LoggerFactory.getLogger(MusicOnHold.class);
    /** Bounds the memory a folder of many broken files can take; beyond it warnings simply repeat. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** {@code track} was skipped because of {@code why}: logged the first time only; true when it was. */
    boolean skipped(MusicTrack track, String why) {
        if (warned.size() >= MAX_REMEMBERED) warned.clear();
        if (!warned.add(track.name())) return false;
        LOG.warn("Music on hold: skipping {}: {}", track.name(), why);
        return true;
    }
}
