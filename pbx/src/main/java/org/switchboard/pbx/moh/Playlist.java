package org.switchboard.pbx.moh;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.ResampledSource;
import org.switchboard.media.channel.WavSource;

/**
 * A music class as one endless source: its tracks in order, then again from the first. The rate
 * is the first readable track's; the others are converted to it. A track that cannot be opened,
 * or fails while playing, is skipped ({@link UnreadableTracks} says so once). When a whole round
 * of the tracks gave no audio the playlist ends, and the leg falls silent, rather than spin.
 *
 * <p>The first track is opened when the playlist is made, on the caller's thread; the next ones
 * when the previous ends, on the thread that reads (the leg's media thread), as a looped
 * {@link WavSource} reopens its file.
 */
final class Playlist implements AudioSource {

    private final List<MusicTrack> tracks;
    private final UnreadableTracks unreadable;
    private final int sampleRate;
    private AudioSource current;
    private int index;
    private boolean currentHadAudio;
    /** Tracks in a row that ended or failed without a sample; a whole round of them ends the playlist. */
    private int silentInARow;
    private boolean ended;

    private Playlist(List<MusicTrack> tracks, UnreadableTracks unreadable, int first, WavSource opened) {
        this.tracks = tracks;
        this.unreadable = unreadable;
        this.sampleRate = opened.sampleRate();
        this.index = first;
        this.current = opened;
        this.silentInARow = first;
    }

    /** The class's tracks from the first readable one, or empty when none can be opened. */
    static Optional<Playlist> of(MusicClass music, UnreadableTracks unreadable) {
        List<MusicTrack> tracks = music.tracks();
        for (int i = 0; i < tracks.size(); i++) {
            WavSource source = open(tracks.get(i), unreadable);
            if (source != null) return Optional.of(new Playlist(tracks, unreadable, i, source));
        }
        return Optional.empty();
    }

    private static WavSource open(MusicTrack track, UnreadableTracks unreadable) {
        try {
            return WavSource.of(track::open, false, track.name());
        } catch (IOException | RuntimeException e) {
            unreadable.skipped(track, e.getMessage() == null ? e.toString() : e.getMessage());
            return null;
        }
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int read(short[] out, int off, int samples) {
        int done = 0;
        while (done < samples && !ended) {
            if (current == null && !next()) {
                ended = true;
                break;
            }
            int wanted = samples - done;
            int got = Math.max(0, current.read(out, off + done, wanted));
            done += got;
            if (got > 0) currentHadAudio = true;
            if (got < wanted) finishCurrent();
        }
        return done;
    }

    /** The current track ended: noted, closed, and the index moved on. */
    private void finishCurrent() {
        current.failure().ifPresent(why -> unreadable.skipped(tracks.get(index), why));
        silentInARow = currentHadAudio ? 0 : silentInARow + 1;
        current.close();
        current = null;
        index = (index + 1) % tracks.size();
    }

    /** Opens the track at {@code index} or the next readable one; false after a whole round without audio. */
    private boolean next() {
        while (silentInARow < tracks.size()) {
            WavSource source = open(tracks.get(index), unreadable);
            if (source != null) {
                current = ResampledSource.of(source, sampleRate);
                currentHadAudio = false;
                return true;
            }
            silentInARow++;
            index = (index + 1) % tracks.size();
        }
        return false;
    }

    @Override
    public void close() {
        ended = true;
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public String toString() {
        return "Playlist[" + tracks.size() + " tracks, at " + index + "]";
    }
}
