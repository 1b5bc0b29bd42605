package org.switchboard.media.record;

import java.util.Objects;

/**
 * The recorder of one call, sans-IO: what each phone sends goes in ({@link #onRtp}, decrypted,
 * as the media layer received it), and every {@value #FRAME_MILLIS} ms of the caller's clock
 * ({@link #tick}) one stereo frame goes out to the {@link AudioStereoSink}: the caller on the
 * left, the callee on the right, each decoded by its own {@link PartyReceiver} (jitter buffer,
 * decoder, resampler) at the recording rate: 8 kHz when both parties speak a narrowband codec,
 * 16 kHz when either is wideband (G.722, L16/16000, Opus; 48 kHz audio is brought down to 16).
 *
 * <p><b>Armed and recording.</b> Without a sink the recorder is armed: it parses each party's
 * RFC 4733 telephone-event packets and reports key presses ({@link TapListener#onDigit}, for an
 * on-demand feature code such as {@code *1}), and decodes nothing. {@link #record} starts
 * decoding and writing from the next tick; {@link #stopRecording} hands the sink back.
 *
 * <p><b>Time.</b> Frames are counted from the first tick after {@link #record}; each tick writes
 * every frame due by then, so the file keeps the call's real duration whatever the tick's
 * jitter; a tick may come {@value #EARLY_MILLIS} ms early. After a stall the first
 * {@value #MAX_CATCH_UP_FRAMES} late frames are decoded, the rest written as silence: the length
 * stays right. A sink that fails ({@link AudioStereoSink#write} false: a full disk) is let go at
 * once and reported ({@link TapListener#onRecordingFailed}); the recorder is armed again.
 *
 * <p>Not thread-safe: one thread calls everything (the call's media event loop). Allocates
 * nothing per packet or tick once recording.
 */
public final class StereoRecorder implements AutoCloseable {

    /** The length of one written frame, in ms. */
    public static final int FRAME_MILLIS = 20;
    /** How early a tick may come and still write the frame due at its time, in ms. */
    public static final int EARLY_MILLIS = 2;
    /** Late frames decoded in one tick at most after a stall; later ones are written as silence. */
    public static final int MAX_CATCH_UP_FRAMES = 10;

    private static final long FRAME_NANOS = FRAME_MILLIS * 1_000_000L;
    private static final long EARLY_NANOS = EARLY_MILLIS * 1_000_000L;

    private final TapListener listener;
    private final int sampleRate;
    private final int frameSamples;
    private final short[] left;
    private final short[] right;
    private final short[] silence;
    private PartyReceiver caller;
    private PartyReceiver callee;
    private AudioStereoSink sink;
    private boolean started;
    private long nextFrameAt;
    private long framesWritten;
    private boolean closed;

    /**
     * An armed recorder of a call whose parties send {@code callerFormat} and {@code calleeFormat}.
     *
     * @param listener told of key presses and of a failed sink, on the recorder's thread
     */
    public StereoRecorder(RecordingFormat callerFormat, RecordingFormat calleeFormat, TapListener listener) {
        Objects.requireNonNull(callerFormat, "callerFormat");
        Objects.requireNonNull(calleeFormat, "calleeFormat");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sampleRate = Math.max(callerFormat.recordingRate(), calleeFormat.recordingRate());
        this.frameSamples = sampleRate * FRAME_MILLIS / 1000;
        this.left = new short[frameSamples];
        this.right = new short[frameSamples];
        this.silence = new short[frameSamples];
        this.caller = new PartyReceiver(Party.CALLER, callerFormat, sampleRate, listener);
        this.callee = new PartyReceiver(Party.CALLEE, calleeFormat, sampleRate, listener);
    }

    /** The rate the call is recorded at, in Hz: 8000 or 16000. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Samples per channel in one frame. */
    public int frameSamples() {
        return frameSamples;
    }

    /**
     * {@code party} now sends {@code format} (a re-INVITE changed the codec): its receiver starts
     * again; the recording's rate stays what it was.
     */
    public void format(Party party, RecordingFormat format) {
        Objects.requireNonNull(format, "format");
        PartyReceiver old = receiver(party);
        if (old.format().equals(format) || closed) {
            return;
        }
        PartyReceiver fresh = new PartyReceiver(party, format, sampleRate, listener);
        if (old.decoding()) {
            fresh.startDecoding();
        }
        old.close();
        if (party == Party.CALLER) {
            caller = fresh;
        } else {
            callee = fresh;
        }
    }

    /** An RTP datagram that {@code party} sent, already decrypted, arrived at {@code nowNanos}. Never throws for content. */
    public void onRtp(Party party, byte[] datagram, int offset, int length, long nowNanos) {
        if (!closed) {
            receiver(party).onRtp(datagram, offset, length, nowNanos);
        }
    }

    /** Writes every frame due by {@code nowNanos} while recording, and ends key presses whose packets stopped. */
    public void tick(long nowNanos) {
        if (closed) {
            return;
        }
        caller.poll(nowNanos);
        callee.poll(nowNanos);
        if (sink == null) {
            return;
        }
        if (!started) {
            started = true;
            nextFrameAt = nowNanos;
        }
        for (int frames = 0; nowNanos - nextFrameAt >= -EARLY_NANOS && sink != null; frames++) {
            if (frames < MAX_CATCH_UP_FRAMES) {
                caller.frame(nowNanos, left);
                callee.frame(nowNanos, right);
                write(left, right);
            } else {
                write(silence, silence);
            }
            nextFrameAt += FRAME_NANOS;
        }
    }

    private void write(short[] l, short[] r) {
        AudioStereoSink current = sink;
        if (current.write(l, r, frameSamples)) {
            framesWritten++;
            return;
        }
        release();
        String reason = current.failure().orElse("the sink refused audio");
        try {
            listener.onRecordingFailed(current, reason);
        } catch (RuntimeException ignored) {
            // the listener's fault; the call goes on
        }
    }

    /**
     * Starts recording into {@code sink} from the next tick.
     *
     * @return false, and nothing changes, when a recording is under way or the recorder is closed
     * @throws IllegalArgumentException when the sink's rate is not {@link #sampleRate()}
     */
    public boolean record(AudioStereoSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (sink.sampleRate() != sampleRate) {
            throw new IllegalArgumentException("the call is recorded at " + sampleRate + " Hz; the sink takes "
                    + sink.sampleRate() + " Hz");
        }
        if (this.sink != null || closed) {
            return false;
        }
        this.sink = sink;
        started = false;
        framesWritten = 0;
        caller.startDecoding();
        callee.startDecoding();
        return true;
    }

    /** Whether a sink is being written. */
    public boolean recording() {
        return sink != null;
    }

    /** Frames written into the current (or last) sink. */
    public long framesWritten() {
        return framesWritten;
    }

    /** Stops writing and hands back the sink (null when none was recording); armed again. */
    public AudioStereoSink stopRecording() {
        AudioStereoSink current = sink;
        release();
        return current;
    }

    private void release() {
        sink = null;
        caller.stopDecoding();
        callee.stopDecoding();
    }

    /** Stops recording (the sink is its owner's to commit) and frees the decoders. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        release();
        closed = true;
        caller.close();
        callee.close();
    }

    public boolean isClosed() {
        return closed;
    }

    private PartyReceiver receiver(Party party) {
        return party == Party.CALLER ? caller : callee;
    }
}
