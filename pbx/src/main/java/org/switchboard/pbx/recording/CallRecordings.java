package org.switchboard.pbx.recording;

import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.switchboard.media.record.Party;
import org.switchboard.media.relay.MediaEndpoints;

/**
 * Where the B2BUA records calls: one per server, shared by every call. {@link #open} taps an
 * answered call's two endpoints and returns its {@link CallRecordingSession}, which starts and
 * stops recordings, watches the on-demand code, and stores each recording durably linked to the
 * call's record (see the package documentation for the hook).
 */
public final class CallRecordings {
    private final CallRecordingStore store;
    private final RecordingSettings settings;
    private final InstantSource clock;
    private final Executor blocking;

    /**
     * @param blocking where files are created, committed (fsync) and indexed: a thread that may
     *                 block, never a media thread or a SIP shard (a virtual thread per task)
     */
    public CallRecordings(CallRecordingStore store, RecordingSettings settings, InstantSource clock, Executor blocking) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
    }

    /** With a virtual thread per blocking task. */
    public CallRecordings(CallRecordingStore store, RecordingSettings settings, InstantSource clock) {
        this(store, settings, clock, task -> Thread.ofVirtual().name("recording-io").start(task));
    }

    public RecordingSettings settings() {
        return settings;
    }

    CallRecordingStore store() {
        return store;
    }

    InstantSource clock() {
        return clock;
    }

    Executor blocking() {
        return blocking;
    }

    /**
     * Taps {@code call}'s endpoints, armed: nothing is recorded until {@link CallRecordingSession#start}.
     * Call it on the call's executor once the call is answered, and {@link CallRecordingSession#close}
     * when it ends.
     *
     * @param media        the media layer the endpoints come from
     * @param callExecutor the call's serial executor: the session is used on it, and hears the phones there
     * @param onDemand     the parties whose {@code *1} switches recording on and off, each with the
     *                     trigger its recordings are stored with ({@link Trigger#onDemand}); empty for none
     * @param listener     told when a party's code switched recording
     * @throws IllegalArgumentException when the endpoints are not the media layer's or run on
     *                                  different media threads (allocate both with the call's key)
     */
    public CallRecordingSession open(MediaEndpoints media, RecordedCall call, Executor callExecutor,
                                     Map<Party, Trigger> onDemand, OnDemandListener listener) {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(callExecutor, "callExecutor");
        Objects.requireNonNull(onDemand, "onDemand");
        Objects.requireNonNull(listener, "listener");
        CallRecordingSession session = new CallRecordingSession(this, call, callExecutor, Map.copyOf(onDemand), listener);
        session.attach(media.tap(call.caller().endpoint(), call.caller().format(), call.callee().endpoint(),
                call.callee().format(), callExecutor, session.events()));
        return session;
    }
}
