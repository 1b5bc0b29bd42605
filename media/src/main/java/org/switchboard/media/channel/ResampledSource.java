package org.switchboard.media.channel;

import java.util.Objects;
import java.util.Optional;

/**
 * An {@link AudioSource} at another rate than the one it wraps: a 44.1 kHz music file played to
 * an 8 kHz G.711 leg, a 16 kHz prompt to a 48 kHz Opus one. It reads the wrapped source in
 * blocks of 10 ms, converts them ({@link RateConverter}) and hands out the samples in whatever
 * frame sizes are asked. It ends when the wrapped one has ended and every converted sample was
 * read; closing it closes the wrapped source.
 */
public final class ResampledSource implements AudioSource {

    private final AudioSource source;
    private final int sampleRate;
    private final RateConverter converter;
    private final short[] block;
    private final PcmFifo converted;
    private boolean sourceEnded;

    private ResampledSource(AudioSource source, int sampleRate) {
        this.source = source;
        this.sampleRate = sampleRate;
        this.converter = RateConverter.create(source.sampleRate(), sampleRate);
        this.block = new short[Math.max(1, source.sampleRate() / 100)];
        this.converted = new PcmFifo(converter.maxOutput(block.length) + 2 * (sampleRate / 100) + 64);
    }

    /**
     * {@code source} at {@code sampleRate} Hz: the source itself when it already has that rate.
     *
     * @throws IllegalArgumentException when a rate is outside 1000..384000 Hz
     */
    public static AudioSource of(AudioSource source, int sampleRate) {
        Objects.requireNonNull(source, "source");
        if (source.sampleRate() == sampleRate) {
            return source;
        }
        return new ResampledSource(source, sampleRate);
    }

    /** The source this one converts. */
    public AudioSource wrapped() {
        return source;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int read(short[] out, int off, int samples) {
        int done = 0;
        while (done < samples) {
            if (converted.size() == 0) {
                if (sourceEnded) {
                    break;
                }
                refill();
                continue;
            }
            done += converted.take(out, off + done, samples - done);
        }
        return done;
    }

    private void refill() {
        int got = source.read(block, 0, block.length);
        if (got < block.length) {
            sourceEnded = true;
        }
        if (got > 0) {
            int at = converted.reserve(converter.maxOutput(got));
            converted.commit(converter.process(block, 0, got, converted.array(), at));
        }
    }

    @Override
    public Optional<String> failure() {
        return source.failure();
    }

    @Override
    public void close() {
        source.close();
    }
}
