package org.switchboard.pbx.voice;

import java.util.List;
import java.util.Optional;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.SequenceSource;

/**
 * An {@link Announcement} opened for playing ({@link Announcer#open}): its parts one after
 * another at one rate, each converted to it. {@link #labels()} names the parts that could be
 * opened, so a log line (or a test) tells what the caller heard.
 */
public final class AnnouncementSource implements AudioSource {

    private final List<String> labels;
    private final SequenceSource sequence;

    AnnouncementSource(int sampleRate, List<String> labels, List<AudioSource> parts) {
        if (labels.size() != parts.size()) throw new IllegalArgumentException("one label per part");
        this.labels = List.copyOf(labels);
        this.sequence = SequenceSource.of(sampleRate, parts);
    }

    /** The labels of the parts that play, in order. */
    public List<String> labels() {
        return labels;
    }

    /** True when no part could be opened: playing it would finish at once. */
    public boolean isEmpty() {
        return labels.isEmpty();
    }

    @Override
    public int sampleRate() {
        return sequence.sampleRate();
    }

    @Override
    public int read(short[] out, int off, int samples) {
        return sequence.read(out, off, samples);
    }

    @Override
    public Optional<String> failure() {
        return sequence.failure();
    }

    @Override
    public void close() {
        sequence.close();
    }

    @Override
    public String toString() {
        return "Announcement" + labels;
    }
}
