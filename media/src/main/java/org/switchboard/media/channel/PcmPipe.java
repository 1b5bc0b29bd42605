package org.switchboard.media.channel;

import java.util.Arrays;
import java.util.Optional;

/**
 * One direction of a {@link PcmBridge}: a sink of one leg and the source of the other, with at
 * most a frame of each side buffered between them. The writing leg converts to the pipe's
 * rate (the reading leg's codec rate), so the reader takes samples as they are. An empty pipe
 * reads as silence and never ends; a pipe that fills past its bound drops its oldest samples,
 * so the delay cannot grow. Both legs run on one thread (one event loop per call).
 */
final class PcmPipe implements AudioSink, AudioSource {

    private final int sampleRate;
    private final int bound;
    private final PcmFifo fifo;

    /**
     * @param sampleRate   the reading leg's codec rate
     * @param writeSamples samples per frame the writer delivers at that rate
     * @param readSamples  samples per frame the reader asks for
     */
    PcmPipe(int sampleRate, int writeSamples, int readSamples) {
        this.sampleRate = sampleRate;
        this.bound = writeSamples + readSamples;
        this.fifo = new PcmFifo(bound + writeSamples);
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public void write(short[] pcm, int off, int samples) {
        fifo.appendDroppingOldest(pcm, off, samples);
        if (fifo.size() > bound) {
            fifo.drop(fifo.size() - bound);
        }
    }

    @Override
    public int read(short[] out, int off, int samples) {
        int got = fifo.take(out, off, samples);
        Arrays.fill(out, off + got, off + samples, (short) 0);
        return samples;
    }

    @Override
    public Optional<String> failure() {
        return Optional.empty();
    }

    /** Samples waiting, for tests. */
    int buffered() {
        return fifo.size();
    }
}
