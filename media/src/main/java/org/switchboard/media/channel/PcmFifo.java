package org.switchboard.media.channel;

import java.util.Arrays;

/**
 * A first-in first-out queue of PCM samples in one array allocated up front: what lets a leg
 * hand out frames of one size made of pieces of others (decoded packets, resampled blocks)
 * without allocating. Writers get a contiguous region ({@link #reserve}) so a decoder or a
 * resampler can write straight into it; the queue moves its content to the front when needed.
 */
final class PcmFifo {

    private final short[] data;
    private int start;
    private int size;

    PcmFifo(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " is not positive");
        }
        data = new short[capacity];
    }

    int size() {
        return size;
    }

    int capacity() {
        return data.length;
    }

    /** The array to write into at the offset {@link #reserve} returned. */
    short[] array() {
        return data;
    }

    /**
     * Makes room for {@code samples} contiguous samples after the queued ones and returns their
     * offset in {@link #array()}; {@link #commit} then queues what was written.
     *
     * @throws IllegalStateException when they do not fit even after moving to the front
     */
    int reserve(int samples) {
        if (size + samples > data.length) {
            throw new IllegalStateException(samples + " samples do not fit a queue of " + data.length
                    + " holding " + size);
        }
        if (start + size + samples > data.length) {
            System.arraycopy(data, start, data, 0, size);
            start = 0;
        }
        return start + size;
    }

    /** Queues {@code samples} written after a {@link #reserve}. */
    void commit(int samples) {
        size += samples;
    }

    /** Queues {@code samples} zeros. */
    void appendSilence(int samples) {
        int at = reserve(samples);
        Arrays.fill(data, at, at + samples, (short) 0);
        size += samples;
    }

    /** Queues a copy of {@code samples} samples of {@code pcm}, dropping the oldest queued ones if full. */
    void appendDroppingOldest(short[] pcm, int off, int samples) {
        if (samples >= data.length) {
            System.arraycopy(pcm, off + samples - data.length, data, 0, data.length);
            start = 0;
            size = data.length;
            return;
        }
        int overflow = size + samples - data.length;
        if (overflow > 0) {
            drop(overflow);
        }
        System.arraycopy(pcm, off, data, reserve(samples), samples);
        size += samples;
    }

    /** Moves up to {@code samples} of the oldest samples into {@code out} and returns how many. */
    int take(short[] out, int off, int samples) {
        int n = Math.min(samples, size);
        System.arraycopy(data, start, out, off, n);
        drop(n);
        return n;
    }

    /** Forgets the {@code samples} oldest samples (all, if fewer are queued). */
    void drop(int samples) {
        int n = Math.min(samples, size);
        start += n;
        size -= n;
        if (size == 0) {
            start = 0;
        }
    }

    void clear() {
        start = 0;
        size = 0;
    }
}
