package org.switchboard.media.channel;

import java.time.Duration;
import java.util.Arrays;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.AudioDecoder;
import org.switchboard.media.jitter.JitterBuffer;
import org.switchboard.media.jitter.JitterConfig;
import org.switchboard.media.jitter.JitterFrame;
import org.switchboard.media.jitter.JitterStats;
import org.switchboard.media.jitter.OfferResult;
import org.switchboard.media.rtp.RtpView;

/**
 * The receiving half of a terminated leg: audio packets into the {@link JitterBuffer}, and at
 * each packet time one frame of PCM out, decoded, concealed (the codec's own concealment) or
 * silent, following the buffer's contract: each frame it hands out is played for exactly its
 * duration, frames of other sizes than ours are split and joined through a small queue.
 * Before the first packet, and whenever the buffer has nothing, the frame is silence, so what
 * comes out always lasts as long as the call. The call recorder plays each party out the same
 * way ({@code record.PartyReceiver}), with a deeper buffer. Not thread-safe; allocates nothing
 * per packet or frame.
 */
public final class Playout implements AutoCloseable {

    /** The largest payload taken: what fits the socket layer's 2048-byte datagrams. */
    public static final int MAX_PAYLOAD = 2048 - RtpView.FIXED_HEADER_LENGTH;
    /** The longest packet the jitter buffer plays, in ms. */
    private static final int MAX_PACKET_MILLIS = 120;
    /** Polls per frame at most: a guard against frames of no duration. */
    private static final int MAX_POLLS = 32;

    private final JitterBuffer jitter;
    private final AudioDecoder decoder;
    private final int sampleRate;
    private final int frameSamples;
    private final short[] decoded;
    private final PcmFifo queue;
    private final short[] frame;

    Playout(LegAudioConfig config) {
        this(config.codec(), JitterConfig.forClockRate(config.codec().clockRate())
                .withPtime(Duration.ofMillis(config.ptimeMillis())).withMaxPayload(MAX_PAYLOAD), config.frameSamples());
    }

    /**
     * Plays {@code codec} out through a jitter buffer of {@code jitterConfig} (its payloads at most
     * {@link #MAX_PAYLOAD}) in frames of {@code frameSamples} samples at the codec's PCM rate.
     */
    public Playout(AudioCodec codec, JitterConfig jitterConfig, int frameSamples) {
        this.jitter = new JitterBuffer(jitterConfig);
        this.decoder = codec.newDecoder();
        this.sampleRate = codec.sampleRate();
        this.frameSamples = frameSamples;
        int longest = sampleRate * MAX_PACKET_MILLIS / 1000;
        this.decoded = new short[Math.max(decoder.maxSamples(MAX_PAYLOAD), longest)];
        this.queue = new PcmFifo(frameSamples + decoded.length + longest);
        this.frame = new short[frameSamples];
    }

    /** An audio packet of the current source. */
    public OfferResult offer(RtpView packet, long arrivalNanos) {
        return jitter.offer(packet.sequence(), packet.timestamp(), packet.marker(), packet.buffer(),
                packet.payloadOffset(), packet.payloadLength(), arrivalNanos);
    }

    /** A packet of the current source without audio (RFC 4733 event, comfort noise): {@link JitterBuffer#skip}. */
    public void skip(int sequence) {
        jitter.skip(sequence);
    }

    /** The phone's stream changed source (SSRC): start again. */
    public void restart() {
        jitter.restart();
    }

    /** The next frame ({@code frameSamples} samples), valid until the next call. */
    public short[] next(long nowNanos) {
        for (int polls = 0; queue.size() < frameSamples && polls < MAX_POLLS; polls++) {
            JitterFrame f = jitter.poll(nowNanos);
            if (f.kind() == JitterFrame.Kind.NOTHING) {
                break;
            }
            int samples = f.samples(sampleRate);
            switch (f.kind()) {
                case PACKET -> decode(f, samples);
                case LOST -> conceal(samples);
                default -> queue.appendSilence(Math.min(samples, queue.capacity() - queue.size()));
            }
        }
        if (queue.size() < frameSamples) {
            queue.appendSilence(frameSamples - queue.size());
        }
        queue.take(frame, 0, frameSamples);
        return frame;
    }

    private void decode(JitterFrame f, int samples) {
        int n = decoder.decode(f.payload(), f.offset(), f.length(), decoded, 0);
        if (n <= 0) {
            conceal(samples);
            return;
        }
        int play = samples > 0 ? Math.min(n, samples) : n;
        play = Math.min(play, queue.capacity() - queue.size());
        System.arraycopy(decoded, 0, queue.array(), queue.reserve(play), play);
        queue.commit(play);
        if (play < samples) {
            conceal(samples - play);
        }
    }

    private void conceal(int samples) {
        int n = Math.min(samples, queue.capacity() - queue.size());
        int at = queue.reserve(n);
        int written = Math.max(0, Math.min(n, decoder.conceal(queue.array(), at, n)));
        Arrays.fill(queue.array(), at + written, at + n, (short) 0);
        queue.commit(n);
    }

    JitterStats stats() {
        return jitter.stats();
    }

    @Override
    public void close() {
        decoder.close();
    }
}
