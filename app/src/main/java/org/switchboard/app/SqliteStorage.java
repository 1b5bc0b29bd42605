package org.switchboard.app;

import java.nio.file.Path;
import java.time.Clock;
import org.switchboard.pbx.call.CallRecordRepository;
import org.switchboard.pbx.extension.ExtensionRepository;
import org.switchboard.pbx.recording.RecordingRepository;
import org.switchboard.pbx.registrar.BindingRepository;
import org.switchboard.pbx.voicemail.VoicemailRepositories;
import org.switchboard.store.Database;
import org.switchboard.store.SqlBindingRepository;
import org.switchboard.store.SqlCallRecordRepository;
import org.switchboard.store.SqlExtensionRepository;
import org.switchboard.store.SqlRecordingRepository;
import org.switchboard.store.StoreException;
import org.switchboard.store.crypto.SecretCipher;
import org.switchboard.store.voicemail.SqlDeliveryRepository;
import org.switchboard.store.voicemail.SqlGreetingRepository;
import org.switchboard.store.voicemail.SqlMailboxRepository;
import org.switchboard.store.voicemail.SqlMessageRepository;

/**
 * The embedded default: {@code DATA/switchboard.db} (SQLite, WAL) with SIP secrets sealed by the
 * key in {@code DATA/secrets/}.
 */
public final class SqliteStorage implements Storage {
    private final Database database;
    private final ExtensionRepository extensions;
    private final BindingRepository bindings;
    private final CallRecordRepository callRecords;
    private final VoicemailRepositories voicemail;
    private final RecordingRepository recordings;

    private SqliteStorage(Database database, SecretCipher cipher) {
        this.database = database;
        this.extensions = new SqlExtensionRepository(database, cipher);
        this.bindings = new SqlBindingRepository(database);
        this.callRecords = new SqlCallRecordRepository(database);
        this.voicemail = new VoicemailRepositories(new SqlMailboxRepository(database, Clock.systemUTC()),
                new SqlGreetingRepository(database), new SqlMessageRepository(database), new SqlDeliveryRepository(database));
        this.recordings = new SqlRecordingRepository(database);
    }

    public static SqliteStorage open(Path dataDir) throws StartupException {
        SecretCipher cipher;
        try {
            cipher = SecretCipher.open(dataDir);
        } catch (StoreException e) {
            throw new StartupException("Cannot open the secret key in " + dataDir.resolve("secrets") + ": " + e.getMessage(), e);
        }
        try {
            return new SqliteStorage(Database.open(dataDir), cipher);
        } catch (StoreException e) {
            throw new StartupException("Cannot open the database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ExtensionRepository extensions() { return extensions; }

    @Override
    public BindingRepository bindings() { return bindings; }

    @Override
    public CallRecordRepository callRecords() { return callRecords; }

    @Override
    public VoicemailRepositories voicemail() { return voicemail; }

    @Override
    public RecordingRepository recordings() { return recordings; }

    @Override
    public void close() {
        database.close();
    }
}
