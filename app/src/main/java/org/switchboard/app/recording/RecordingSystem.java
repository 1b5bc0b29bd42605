package org.switchboard.app.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.app.StartupException;
import org.switchboard.app.config.SwitchboardConfig;
import org.switchboard.pbx.recording.CallRecordingStore;
import org.switchboard.pbx.recording.CallRecordings;
import org.switchboard.pbx.recording.RecordingAdmin;
import org.switchboard.pbx.recording.RecordingRepository;
import org.switchboard.pbx.recording.RecordingRetention;
import org.switchboard.pbx.recording.RecordingSettings;
import org.switchboard.pbx.voicemail.file.PrivateDirectory;

/**
 * Call recording of one server, started before SIP takes calls: {@code DATA/recordings/} (mode
 * 0700), the store repaired by its {@code recover()}, the daily retention clean-up (which also
 * runs once now), and what the B2BUA ({@link #calls()}) and the admin API ({@link #admin()}) use.
 */
public final class RecordingSystem implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingSystem.class);

    private final RecordingSettings settings;
    private final CallRecordingStore store;
    private final RecordingRetention retention;
    private final CallRecordings calls;
    private final RecordingAdmin admin;

    private RecordingSystem(RecordingSettings settings, CallRecordingStore store, RecordingRetention retention,
                            CallRecordings calls, RecordingAdmin admin) {
        this.settings = settings;
        this.store = store;
        this.retention = retention;
        this.calls = calls;
        this.admin = admin;
    }

    /**
     * Opens recording on {@code repository}, repairs what a crash left, starts the retention clean-up.
     *
     * @throws StartupException when {@code DATA/recordings} cannot be created
     */
    public static RecordingSystem start(SwitchboardConfig config, RecordingRepository repository, Clock clock)
            throws StartupException {
        Objects.requireNonNull(repository, "repository");
        Path root = config.dataDir().resolve(CallRecordingStore.DIRECTORY);
        try {
            PrivateDirectory.create(root);
        } catch (IOException e) {
            throw new StartupException("Cannot create " + root + ": " + e.getMessage()
                    + ": check that the data directory is writable", e);
        }
        RecordingSettings settings = config.recording();
        CallRecordingStore store = new CallRecordingStore(root, repository, clock, new SecureRandom());
        recover(store);
        RecordingRetention retention = new RecordingRetention(store, settings, clock);
        retention.start();
        return new RecordingSystem(settings, store, retention, new CallRecordings(store, settings, clock),
                new RecordingAdmin(store));
    }

    /** Recovery problems are logged, not fatal: phones come first, and the files stay for the next start. */
    private static void recover(CallRecordingStore store) {
        try {
            LOG.info("Call recordings checked: {}", store.recover());
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot check the call recordings against their index: {}", e.toString());
        }
    }

    public RecordingSettings settings() { return settings; }

    public CallRecordingStore store() { return store; }

    /** Where the B2BUA opens each answered call's recording session. */
    public CallRecordings calls() { return calls; }

    /** What the REST API and the CLI see. */
    public RecordingAdmin admin() { return admin; }

    /** Stops the daily clean-up; recordings under way are the calls' to finish. */
    @Override
    public void close() {
        retention.close();
    }
}
