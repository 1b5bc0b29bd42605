package org.switchboard.pbx.recording;

import java.io.IOException;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.record.AudioStereoSink;
import org.switchboard.media.record.CallTap;
import org.switchboard.media.record.Party;
import org.switchboard.media.record.RecordingFormat;
import org.switchboard.media.record.TapListener;

/**
 * The recording side of one answered call, from {@link CallRecordings#open}: a tap on its two
 * endpoints, armed for the on-demand code, and at most one recording at a time. Used on the
 * call's executor only (so no lock); files are created and committed on the blocking executor,
 * never there.
 *
 * <p>A recording goes STARTING (its file is being created) to RECORDING (the tap writes it) to
 * stored ({@link #stop()}: the tap lets go, the file is made durable, then indexed). A sink that
 * fails (a full disk) ends the recording with one WARN line and removes its file; the call goes on.
 * A file that cannot even be created is the same. {@link #close()} at the call's end stores what
 * was recorded and removes the tap.
 */
public final class CallRecordingSession {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecordingSession.class);

    private final CallRecordings owner;
    private final RecordedCall call;
    private final Executor callExecutor;
    private final Map<Party, Trigger> onDemand;
    private final OnDemandListener listener;
    private final OnDemandCode code = new OnDemandCode();
    private final InstantSource clock;
    private CallTap tap;
    private Attempt current;
    private boolean closed;
    private CompletionStage<Optional<CallRecording>> closing;

    CallRecordingSession(CallRecordings owner, RecordedCall call, Executor callExecutor, Map<Party, Trigger> onDemand,
                         OnDemandListener listener) {
        this.owner = owner;
        this.call = call;
        this.callExecutor = callExecutor;
        this.onDemand = onDemand;
        this.listener = listener;
        this.clock = owner.clock();
    }

    void attach(CallTap callTap) {
        this.tap = callTap;
    }

    /** What the tap tells this session, already on the call's executor. */
    TapListener events() {
        return new TapListener() {
            @Override
            public void onDigit(Party party, DtmfEvent event) {
                pressed(party, event);
            }

            @Override
            public void onRecordingFailed(AudioStereoSink sink, String reason) {
                failed(sink, reason);
            }
        };
    }

    /** The call this session records. */
    public RecordedCall call() {
        return call;
    }

    /** Whether a recording is starting or under way. */
    public boolean isRecording() {
        return current != null;
    }

    /**
     * Starts a recording for {@code why}, stored with it. Returns at once: the file is created on
     * the blocking executor and the tap writes from the next frame after that.
     *
     * @return false, and nothing changes, when one is under way already or the call has ended
     */
    public boolean start(Trigger why) {
        if (closed || current != null) return false;
        Attempt attempt = new Attempt(why);
        current = attempt;
        int rate = tap.sampleRate();
        runBlocking(() -> {
            RecordingDraft draft = null;
            Exception failure = null;
            try {
                draft = owner.store().begin(call.callId(), call.caller().number(), call.callee().number(), why, rate);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            RecordingDraft made = draft;
            Exception error = failure;
            onCall(() -> begun(attempt, made, error), () -> {
                if (made != null) owner.store().abort(made);
                attempt.result.complete(Optional.empty());
            });
        });
        return true;
    }

    private void begun(Attempt attempt, RecordingDraft draft, Exception error) {
        if (error != null) {
            LOG.warn("Call {}: cannot record ({}): {}; the call goes on unrecorded", call.callId(), attempt.trigger,
                    error.getMessage());
            if (current == attempt) current = null;
            attempt.result.complete(Optional.empty());
            return;
        }
        attempt.draft = draft;
        if (current != attempt) {
            // stopped (or the call ended) while the file was being created: nothing was said into it
            runBlocking(() -> owner.store().abort(draft));
            attempt.result.complete(Optional.empty());
            return;
        }
        tap.record(draft.sink());
        LOG.info("Call {}: recording {} started ({})", call.callId(), draft.id(), attempt.trigger);
    }

    /**
     * Stops the recording under way; the stage completes with it once stored (empty when nothing
     * was recorded or storing failed), on the blocking executor.
     */
    public CompletionStage<Optional<CallRecording>> stop() {
        Attempt attempt = current;
        if (attempt == null) return CompletableFuture.completedFuture(Optional.empty());
        current = null;
        if (attempt.draft == null) return attempt.result;   // begun() sees it is no longer current
        RecordingDraft draft = attempt.draft;
        tap.stopRecording().whenComplete((done, error) -> runBlocking(() -> {
            try {
                attempt.result.complete(owner.store().commit(draft));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Call {}: recording {} could not be stored: {}", call.callId(), draft.id(), e.getMessage());
                owner.store().abort(draft);
                attempt.result.complete(Optional.empty());
            }
        }));
        return attempt.result;
    }

    /**
     * Starts a recording for {@code why} when none is under way, else stops it.
     *
     * @return true when a recording was started
     */
    public boolean toggle(Trigger why) {
        if (current != null) {
            stop();
            return false;
        }
        return start(why);
    }

    /** {@code party}'s phone now sends {@code format} (a re-INVITE changed its codec). */
    public void formatChanged(Party party, RecordingFormat format) {
        if (!closed) tap.format(party, format);
    }

    /**
     * The call ended: stores the recording under way, if any, and removes the tap. Idempotent;
     * the stage is that of the last recording's {@link #stop()}.
     */
    public CompletionStage<Optional<CallRecording>> close() {
        if (closed) return closing;
        closed = true;
        closing = stop();
        tap.close();
        return closing;
    }

    private void pressed(Party party, DtmfEvent event) {
        Trigger trigger = onDemand.get(party);
        if (closed || trigger == null || !code.press(party, event.digit(), clock.millis())) return;
        boolean started = toggle(trigger);
        LOG.info("Call {}: {} pressed {}: recording {}", call.callId(), call.side(party).number(), OnDemandCode.CODE,
                started ? "started" : "stopped");
        try {
            listener.toggled(party, started);
        } catch (RuntimeException e) {
            LOG.warn("Call {}: on-demand recording listener failed", call.callId(), e);
        }
    }

    private void failed(AudioStereoSink sink, String reason) {
        Attempt attempt = current;
        if (attempt == null || attempt.draft == null || attempt.draft.sink() != sink) return;
        current = null;
        RecordingDraft draft = attempt.draft;
        LOG.warn("Call {}: recording {} stopped: {}; the call goes on unrecorded", call.callId(), draft.id(), reason);
        runBlocking(() -> {
            owner.store().abort(draft);
            attempt.result.complete(Optional.empty());
        });
    }

    private void runBlocking(Runnable task) {
        try {
            owner.blocking().execute(task);
        } catch (RejectedExecutionException e) {
            Thread.ofVirtual().start(task);
        }
    }

    private void onCall(Runnable task, Runnable ifEnded) {
        try {
            callExecutor.execute(task);
        } catch (RejectedExecutionException e) {
            ifEnded.run();
        }
    }

    /** One recording from its start to its storing. */
    private static final class Attempt {
        final Trigger trigger;
        final CompletableFuture<Optional<CallRecording>> result = new CompletableFuture<>();
        RecordingDraft draft;

        Attempt(Trigger trigger) {
            this.trigger = trigger;
        }
    }
}
