package org.switchboard.net.rtp;

import io.netty.channel.EventLoop;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.record.AudioStereoSink;
import org.switchboard.media.record.CallTap;
import org.switchboard.media.record.Party;
import org.switchboard.media.record.RecordingFormat;
import org.switchboard.media.record.StereoRecorder;
import org.switchboard.media.record.TapListener;

/**
 * A call's {@link StereoRecorder} on the event loop its two endpoints share: each endpoint's
 * {@link TapPoint} hands it what the phone sent (relay fast path, SRTP path or terminated leg,
 * after decryption), and the loop's {@link LegTicker} ticks it every 10 ms; no thread of its
 * own, no lock. Every change asked through {@link CallTap} is queued on the loop in order;
 * stages complete on the call's executor, never on the loop, so the fsync of a commit chained
 * to them does not stall media.
 *
 * <p>The tap ends by {@link #close()}, when another tap replaces it on either endpoint, or once
 * both endpoints are closed: the recorder then lets go of its sink (the owner still commits it).
 */
final class NettyCallTap implements CallTap, Ticked {

    private static final Logger log = LoggerFactory.getLogger(NettyCallTap.class);

    private final NettyMediaEndpoint caller;
    private final NettyMediaEndpoint callee;
    private final EventLoop loop;
    private final LegTicker ticker;
    private final Executor callExecutor;
    private final StereoRecorder recorder;
    private final String name;
    /** False once retired; written on the loop. */
    private volatile boolean live = true;
    private boolean failed;

    NettyCallTap(NettyMediaEndpoint caller, RecordingFormat callerFormat, NettyMediaEndpoint callee,
                 RecordingFormat calleeFormat, Executor callExecutor, TapListener listener) {
        this.caller = caller;
        this.callee = callee;
        this.loop = caller.loop();
        this.ticker = caller.owner().ticker(loop);
        this.callExecutor = Objects.requireNonNull(callExecutor, "callExecutor");
        this.name = caller.legId() + "+" + callee.legId();
        this.recorder = new StereoRecorder(callerFormat, calleeFormat, new TapEvents(listener, callExecutor, name));
    }

    /** Queues the taps' installation on the loop. */
    void start() {
        onLoop(this::install, () -> live = false);
    }

    private void install() {
        if (!live) {
            return;
        }
        if (!caller.isOpen() && !callee.isOpen()) {
            retire();
            return;
        }
        int size = caller.owner().config().maxPacketSize();
        take(caller, new TapPoint(this, Party.CALLER, size));
        take(callee, new TapPoint(this, Party.CALLEE, size));
        ticker.add(this);
    }

    private void take(NettyMediaEndpoint endpoint, TapPoint point) {
        TapPoint previous = endpoint.tap;
        if (previous != null && previous.owner != this) {
            previous.owner.retire();
        }
        endpoint.tap = point;
    }

    /** On the loop, per packet of {@code party}'s phone. */
    void rtp(Party party, byte[] bytes, int offset, int length, long nowNanos) {
        recorder.onRtp(party, bytes, offset, length, nowNanos);
    }

    @Override
    public void tick(long nowNanos, long wallMillis) {
        recorder.tick(nowNanos);
    }

    @Override
    public String legId() {
        return name;
    }

    @Override
    public boolean firstFailure() {
        boolean first = !failed;
        failed = true;
        return first;
    }

    /** On the loop: one of the call's endpoints closed; the tap ends with the second. */
    void endpointClosed() {
        if (!caller.isOpen() && !callee.isOpen()) {
            retire();
        }
    }

    /** On the loop: off both endpoints, off the ticker, the sink let go of. */
    void retire() {
        if (!live) {
            return;
        }
        live = false;
        for (NettyMediaEndpoint endpoint : new NettyMediaEndpoint[] {caller, callee}) {
            TapPoint point = endpoint.tap;
            if (point != null && point.owner == this) {
                endpoint.tap = null;
            }
        }
        ticker.remove(this);
        recorder.close();
    }

    @Override
    public int sampleRate() {
        return recorder.sampleRate();
    }

    @Override
    public void record(AudioStereoSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (sink.sampleRate() != recorder.sampleRate()) {
            throw new IllegalArgumentException("call " + name + " is recorded at " + recorder.sampleRate()
                    + " Hz; the sink takes " + sink.sampleRate() + " Hz");
        }
        onLoop(() -> {
            if (live && !recorder.record(sink)) {
                log.warn("recording of {} did not take {}: it records into another sink already", name, sink);
            }
        }, () -> { });
    }

    @Override
    public CompletionStage<Void> stopRecording() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            recorder.stopRecording();
            completeOffLoop(done);
        }, () -> done.complete(null));
        return done;
    }

    @Override
    public void format(Party party, RecordingFormat format) {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(format, "format");
        onLoop(() -> {
            if (live) {
                recorder.format(party, format);
            }
        }, () -> { });
    }

    @Override
    public CompletionStage<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            retire();
            completeOffLoop(done);
        }, () -> done.complete(null));
        return done;
    }

    /** Whether the tap still watches its endpoints, for tests. */
    boolean isLive() {
        return live;
    }

    /** Runs {@code task} on the loop, after everything asked before; {@code ifStopped} when the loop is gone. */
    private void onLoop(Runnable task, Runnable ifStopped) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            live = false;
            ifStopped.run();
        }
    }

    private void completeOffLoop(CompletableFuture<Void> future) {
        try {
            callExecutor.execute(() -> future.complete(null));
        } catch (RejectedExecutionException e) {
            Thread.ofVirtual().start(() -> future.complete(null));
        }
    }

    @Override
    public String toString() {
        return "CallTap[" + name + (live ? "" : ", closed") + "]";
    }
}
