package org.switchboard.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.switchboard.app.config.SwitchboardConfig;
import org.switchboard.app.tls.TlsMaterial;
import org.switchboard.pbx.call.CallRecorder;
import org.switchboard.pbx.call.LiveCalls;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.mwi.MessageCountsListener;
import org.switchboard.pbx.mwi.MessageCountsSource;
import org.switchboard.pbx.recording.CallRecordingStore;
import org.switchboard.pbx.recording.CallRecordings;
import org.switchboard.pbx.registrar.Registrations;
import org.switchboard.pbx.voice.VoiceApplications;
import org.switchboard.sip.transport.Transport;

/**
 * The seam between the server's start sequence ({@link Server}) and the SIP side: transports
 * ({@code net}), the transaction layer ({@code sip}) and the registrar ({@code pbx}). The server
 * calls {@link #start} once, after storage and TLS are ready and before the admin API opens,
 * and {@link #close} once at shutdown (also when a later start step fails).
 */
public interface SipService extends AutoCloseable {

    /**
     * Binds the SIP listeners and starts serving.
     *
     * @return the addresses actually bound (real ports when 0 was configured) and the live
     *         registrations for the admin API
     * @throws IOException when a listener cannot bind; the message names address and port
     */
    Bound start(Context context) throws IOException;

    /** Stops serving and releases every socket and thread; idempotent. */
    @Override
    void close();

    /**
     * What SIP needs from the server: the configuration (bind, ports, domain, registrar, auth,
     * transport limits, timers), storage, the extension service (subscribe with
     * {@link ExtensionService#addListener} to drop cached credentials and bindings), the call
     * recorder (report call records to it from any thread; the server closes it after SIP), the
     * TLS identity for SIPS, the clock, where message-waiting lamps read a mailbox's counts
     * before voicemail has reported them ({@code mwiCounts}; may block), and where answered calls
     * are recorded ({@code recordings}, {@link CallRecordings#open}), and which calls the server
     * answers itself ({@code voice}: voicemail, {@code *97}, {@code *98}).
     */
    record Context(SwitchboardConfig config, Storage storage, ExtensionService extensions, CallRecorder callRecords,
                   TlsMaterial tls, Clock clock, MessageCountsSource mwiCounts, CallRecordings recordings,
                   VoiceApplications voice) {
        public Context {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(storage, "storage");
            Objects.requireNonNull(extensions, "extensions");
            Objects.requireNonNull(callRecords, "callRecords");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(mwiCounts, "mwiCounts");
            Objects.requireNonNull(recordings, "recordings");
            Objects.requireNonNull(voice, "voice");
        }

        /** A context where the server answers no call itself (no voicemail). */
        public Context(SwitchboardConfig config, Storage storage, ExtensionService extensions, CallRecorder callRecords,
                       TlsMaterial tls, Clock clock, MessageCountsSource mwiCounts, CallRecordings recordings) {
            this(config, storage, extensions, callRecords, tls, clock, mwiCounts, recordings, VoiceApplications.NONE);
        }

        /** A context whose calls are recorded into {@code DATA/recordings} with the configured settings. */
        public Context(SwitchboardConfig config, Storage storage, ExtensionService extensions, CallRecorder callRecords,
                       TlsMaterial tls, Clock clock, MessageCountsSource mwiCounts) {
            this(config, storage, extensions, callRecords, tls, clock, mwiCounts, new CallRecordings(
                    new CallRecordingStore(config.dataDir().resolve(CallRecordingStore.DIRECTORY), storage.recordings(),
                            clock, new SecureRandom()), config.recording(), clock));
        }

        /** A context whose mailboxes all read as empty until voicemail reports them. */
        public Context(SwitchboardConfig config, Storage storage, ExtensionService extensions, CallRecorder callRecords,
                       TlsMaterial tls, Clock clock) {
            this(config, storage, extensions, callRecords, tls, clock, MessageCountsSource.NONE);
        }
    }

    /** One bound SIP listener. */
    record Listener(Transport transport, InetSocketAddress address) { }

    /**
     * The result of a start: where SIP listens, the read side of the location service, the live
     * calls, and where voicemail reports each change of a mailbox's counts ({@code mwi}, for the
     * message-waiting NOTIFYs).
     */
    record Bound(List<Listener> listeners, Registrations registrations, LiveCalls calls, MessageCountsListener mwi) {
        public Bound {
            listeners = List.copyOf(listeners);
            Objects.requireNonNull(registrations, "registrations");
            Objects.requireNonNull(calls, "calls");
            Objects.requireNonNull(mwi, "mwi");
        }

        /** A start without message waiting indication. */
        public Bound(List<Listener> listeners, Registrations registrations, LiveCalls calls) {
            this(listeners, registrations, calls, MessageCountsListener.NONE);
        }
    }
}
