package org.switchboard.media.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sources played one after another, as a single source: the prompts of a sentence ("you have",
 * "three", "new messages"), pauses and beeps between them. Each is converted to the sequence's
 * rate; each is closed as soon as it ends. A source that fails is skipped (the rest still play)
 * and its reason kept in {@link #failure()}, so a missing word costs that word, not the message.
 */
public final class SequenceSource implements AudioSource {

    private final int sampleRate;
    private final List<AudioSource> items;
    private int index;
    private AudioSource current;
    private String failure;

    private SequenceSource(int sampleRate, List<AudioSource> items) {
        this.sampleRate = sampleRate;
        this.items = items;
    }

    /**
     * The sources in order, played at {@code sampleRate} Hz. The sequence owns them: closing it
     * closes those not yet played.
     */
    public static SequenceSource of(int sampleRate, List<? extends AudioSource> sources) {
        if (sampleRate < 1000 || sampleRate > 384_000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is not in 1000..384000");
        }
        List<AudioSource> copy = new ArrayList<>(sources.size());
        for (AudioSource s : sources) {
            copy.add(Objects.requireNonNull(s, "a source of the sequence"));
        }
        return new SequenceSource(sampleRate, copy);
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int read(short[] out, int off, int samples) {
        int done = 0;
        while (done < samples) {
            if (current == null) {
                if (index == items.size()) {
                    break;
                }
                current = ResampledSource.of(items.get(index), sampleRate);
                items.set(index++, null);
            }
            int wanted = samples - done;
            int got = Math.max(0, current.read(out, off + done, wanted));
            done += got;
            if (got < wanted) {
                if (failure == null) {
                    failure = current.failure().orElse(null);
                }
                current.close();
                current = null;
            }
        }
        return done;
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        for (int i = index; i < items.size(); i++) {
            items.get(i).close();
        }
        index = items.size();
    }
}
