package org.switchboard.media.channel;

/**
 * Hands each played-out frame to the leg's sinks, each at its own rate (one streaming
 * {@link RateConverter} and output buffer per sink, made when the sink is added). A sink that
 * throws, against its contract, is dropped rather than allowed to stop the leg.
 */
final class SinkFanout {

    /** Sinks per leg at most: recording, a bridge, a meter, with room to spare. */
    static final int MAX_SINKS = 8;

    private final int sampleRate;
    private final int frameSamples;
    private final AudioSink[] sinks = new AudioSink[MAX_SINKS];
    private final RateConverter[] converters = new RateConverter[MAX_SINKS];
    private final short[][] buffers = new short[MAX_SINKS][];
    private int count;

    SinkFanout(int sampleRate, int frameSamples) {
        this.sampleRate = sampleRate;
        this.frameSamples = frameSamples;
    }

    /** Adds a sink; false when it is there already or there are {@link #MAX_SINKS}. */
    boolean add(AudioSink sink) {
        if (indexOf(sink) >= 0 || count == MAX_SINKS) {
            return false;
        }
        if (sink.sampleRate() != sampleRate) {
            converters[count] = RateConverter.create(sampleRate, sink.sampleRate());
            buffers[count] = new short[converters[count].maxOutput(frameSamples)];
        }
        sinks[count++] = sink;
        return true;
    }

    /** Removes a sink; false when it was not there. */
    boolean remove(AudioSink sink) {
        int i = indexOf(sink);
        if (i < 0) {
            return false;
        }
        count--;
        sinks[i] = sinks[count];
        converters[i] = converters[count];
        buffers[i] = buffers[count];
        sinks[count] = null;
        converters[count] = null;
        buffers[count] = null;
        return true;
    }

    boolean isEmpty() {
        return count == 0;
    }

    void deliver(short[] frame, int samples) {
        for (int i = 0; i < count; i++) {
            AudioSink sink = sinks[i];
            try {
                RateConverter converter = converters[i];
                if (converter == null) {
                    sink.write(frame, 0, samples);
                } else {
                    sink.write(buffers[i], 0, converter.process(frame, 0, samples, buffers[i], 0));
                }
            } catch (RuntimeException e) {
                remove(sink);
                i--;
            }
        }
    }

    private int indexOf(AudioSink sink) {
        for (int i = 0; i < count; i++) {
            if (sinks[i] == sink) {
                return i;
            }
        }
        return -1;
    }
}
