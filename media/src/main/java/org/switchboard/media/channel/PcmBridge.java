package org.switchboard.media.channel;

import java.util.Objects;

/**
 * Two terminated legs that hear each other through PCM: the transcoding path, for calls whose
 * phones share no codec (G.711 on one side, G.722 or Opus on the other). Each leg's played-out
 * audio becomes the other's source through a {@link PcmPipe} at the other's codec rate (the
 * writing leg resamples), with at most a frame of each side buffered, so transcoding adds about
 * one packet time to the jitter buffer's delay.
 *
 * <p>Both legs must run on one thread (the socket layer keeps a call's legs on one event loop),
 * which is also the thread that calls {@link #connect} and {@link #disconnect}.
 */
public final class PcmBridge {

    private final LegAudio a;
    private final LegAudio b;
    private final PcmPipe toA;
    private final PcmPipe toB;
    private boolean connected = true;

    private PcmBridge(LegAudio a, LegAudio b, PcmPipe toA, PcmPipe toB) {
        this.a = a;
        this.b = b;
        this.toA = toA;
        this.toB = toB;
    }

    /**
     * Connects {@code a} and {@code b} both ways, replacing what each played.
     *
     * @throws IllegalArgumentException when {@code a == b}
     * @throws IllegalStateException    when a leg is closed or has no room for another sink
     */
    public static PcmBridge connect(LegAudio a, LegAudio b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a == b) {
            throw new IllegalArgumentException("a leg cannot be bridged with itself");
        }
        PcmPipe toB = pipe(a.config(), b.config());
        PcmPipe toA = pipe(b.config(), a.config());
        if (!a.record(toB)) {
            throw new IllegalStateException("leg " + a.config().cname() + " is closed or has no room for another sink");
        }
        if (!b.record(toA)) {
            a.stopRecording(toB);
            throw new IllegalStateException("leg " + b.config().cname() + " is closed or has no room for another sink");
        }
        b.play(toB);
        a.play(toA);
        return new PcmBridge(a, b, toA, toB);
    }

    private static PcmPipe pipe(LegAudioConfig writer, LegAudioConfig reader) {
        int rate = reader.codec().sampleRate();
        return new PcmPipe(rate, writer.ptimeMillis() * rate / 1000, reader.frameSamples());
    }

    /** Stops both directions; a leg still playing the other's audio falls silent. Idempotent. */
    public void disconnect() {
        if (!connected) {
            return;
        }
        connected = false;
        a.stopRecording(toB);
        b.stopRecording(toA);
        if (a.isPlaying(toA)) {
            a.stopPlaying();
        }
        if (b.isPlaying(toB)) {
            b.stopPlaying();
        }
    }

    /** Whether {@code leg} is one of the two. */
    public boolean joins(LegAudio leg) {
        return leg == a || leg == b;
    }

    public boolean connected() {
        return connected;
    }

    /** Samples waiting towards {@code leg}, for tests. */
    int bufferedTowards(LegAudio leg) {
        return leg == a ? toA.buffered() : toB.buffered();
    }
}
