package org.switchboard.app;

import java.nio.file.Path;
import org.switchboard.pbx.call.CallRecordRepository;
import org.switchboard.pbx.extension.ExtensionRepository;
import org.switchboard.pbx.recording.RecordingRepository;
import org.switchboard.pbx.registrar.BindingRepository;
import org.switchboard.pbx.voicemail.VoicemailRepositories;

/** The repositories the server runs on, opened for one data directory and closed at shutdown. */
public interface Storage extends AutoCloseable {

    ExtensionRepository extensions();

    BindingRepository bindings();

    /** Call records (CDR); blocking, used from the {@code CallRecorder}'s virtual thread and the API's. */
    CallRecordRepository callRecords();

    /** Mailboxes, greeting and message indexes, e-mail deliveries; blocking, used from virtual threads. */
    VoicemailRepositories voicemail();

    /** The index of call recordings; blocking, used from virtual threads. */
    RecordingRepository recordings();

    @Override
    void close();

    /** Opens the storage of a data directory (creating and migrating it if needed). */
    @FunctionalInterface
    interface Opener {
        Storage open(Path dataDir) throws StartupException;
    }
}
