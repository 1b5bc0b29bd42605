package org.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.RecordingPolicy;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.extension.SrtpPolicy;
import org.switchboard.store.crypto.MasterKeyException;
import org.switchboard.store.crypto.SecretCipher;
import org.switchboard.store.crypto.SecretDecryptionException;

class SqlExtensionRepositoryTest {
    private static final Instant CREATED = Instant.parse("2026-03-01T09:30:00.123Z");

    @TempDir Path dataDir;
    private Database db;
    private SqlExtensionRepository repo;

    @BeforeEach
    void open() {
        db = Database.open(dataDir);
        repo = new SqlExtensionRepository(db, SecretCipher.open(dataDir));
    }

    @AfterEach
    void close() { db.close(); }

    private static Extension ext(String number, String name) { return new Extension(number, name, CREATED); }

    @Test
    void addFindListRemove() {
        assertThat(repo.add(ext("1000", "Reception"), SipSecret.of("rec-pass-1000"))).isTrue();
        assertThat(repo.add(ext("101", "Alice"), SipSecret.of("alice-pass-1"))).isTrue();
        assertThat(repo.add(ext("99", "Lab"), SipSecret.of("lab-pass-99"))).isTrue();

        assertThat(repo.find("101")).contains(ext("101", "Alice"));
        assertThat(repo.find("102")).isEmpty();
        assertThat(repo.list()).extracting(Extension::number).as("numeric order").containsExactly("99", "101", "1000");

        assertThat(repo.remove("101")).isTrue();
        assertThat(repo.remove("101")).isFalse();
        assertThat(repo.find("101")).isEmpty();
        assertThat(repo.secret("101")).isEmpty();
        assertThat(repo.list()).extracting(Extension::number).containsExactly("99", "1000");
    }

    @Test
    void aTakenNumberIsNotAddedTwice() {
        assertThat(repo.add(ext("101", "Alice"), SipSecret.of("alice-pass-1"))).isTrue();
        assertThat(repo.add(ext("101", "Mallory"), SipSecret.of("mallory-pass"))).isFalse();
        assertThat(repo.find("101").orElseThrow().name()).isEqualTo("Alice");
        assertThat(repo.secret("101")).contains(SipSecret.of("alice-pass-1"));
    }

    @Test
    void secretsRoundTripAndCanBeChanged() {
        repo.add(ext("101", "Alice"), SipSecret.of("alice-pass-1"));
        assertThat(repo.secret("101").orElseThrow().reveal()).isEqualTo("alice-pass-1");
        assertThat(repo.changeSecret("101", SipSecret.of("alice-pass-2"))).isTrue();
        assertThat(repo.secret("101").orElseThrow().reveal()).isEqualTo("alice-pass-2");
        assertThat(repo.changeSecret("102", SipSecret.of("nobody-pass"))).isFalse();
        assertThat(repo.secret("102")).isEmpty();
    }

    @Test
    void ringTimeoutsRoundTripAndNullIsTheServerDefault() {
        Extension doctor = new Extension("101", "Doctor", CREATED, Optional.of(Duration.ofSeconds(40)));
        repo.add(doctor, SipSecret.of("doctor-pass-1"));
        repo.add(ext("102", "Hall"), SipSecret.of("hall-pass-22"));

        assertThat(repo.find("101")).contains(doctor);
        assertThat(repo.find("102").orElseThrow().ringTimeout()).isEmpty();
        assertThat(repo.list()).extracting(Extension::ringTimeout)
                .containsExactly(Optional.of(Duration.ofSeconds(40)), Optional.empty());
        assertThat(ringTimeoutColumn("102")).as("the default is stored as NULL").isNull();
    }

    @Test
    void updateSettingsChangesNameAndRingTimeoutButNeverTheSecret() {
        repo.add(ext("101", "Hall"), SipSecret.of("hall-pass-1"));

        Extension changed = new Extension("101", "Front hall", CREATED.plusSeconds(999), Optional.of(Duration.ofSeconds(15)));
        assertThat(repo.updateSettings(changed)).isTrue();
        assertThat(repo.find("101")).as("created_at stays as stored")
                .contains(new Extension("101", "Front hall", CREATED, Optional.of(Duration.ofSeconds(15))));
        assertThat(ringTimeoutColumn("101")).isEqualTo(15L);

        assertThat(repo.updateSettings(changed.withRingTimeout(Optional.empty()))).isTrue();
        assertThat(repo.find("101").orElseThrow().ringTimeout()).isEmpty();
        assertThat(ringTimeoutColumn("101")).isNull();

        assertThat(repo.secret("101")).contains(SipSecret.of("hall-pass-1"));
        assertThat(repo.updateSettings(ext("102", "Nobody"))).isFalse();
        assertThat(repo.find("102")).isEmpty();
    }

    @Test
    void aRingTimeoutEditedOutsideTheRuleReadsAsTheDefault() {
        repo.add(ext("101", "Hall"), SipSecret.of("hall-pass-1"));
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE extension SET ring_timeout_seconds = 2 WHERE number = '101'")) {
                return ps.executeUpdate();
            }
        });
        assertThat(repo.find("101").orElseThrow().ringTimeout()).isEmpty();
        assertThat(repo.list()).hasSize(1);
    }

    @Test
    void extensionsStoredBeforeTheRingTimeoutColumnRingForTheDefault() throws Exception {
        Path oldDir = dataDir.resolve("old");
        Files.createDirectories(oldDir);
        SQLiteDataSource v2 = new SQLiteDataSource();
        v2.setUrl("jdbc:sqlite:" + oldDir.resolve(Database.FILE_NAME));
        Flyway.configure(Database.class.getClassLoader()).dataSource(v2).locations("classpath:db/migration")
                .target("2").load().migrate();
        try (var c = v2.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO extension (number, name, created_at, secret_sealed, secret_key_version)"
                    + " VALUES ('101', 'Alice', " + CREATED.toEpochMilli() + ", X'00', 1)");
        }

        try (Database upgraded = Database.open(oldDir)) {
            SqlExtensionRepository old = new SqlExtensionRepository(upgraded, SecretCipher.open(oldDir));
            assertThat(old.find("101")).contains(ext("101", "Alice"));
            assertThat(old.updateSettings(ext("101", "Alice").withRingTimeout(Optional.of(Duration.ofSeconds(20))))).isTrue();
            assertThat(old.find("101").orElseThrow().ringTimeout()).contains(Duration.ofSeconds(20));
        }
    }

    @Test
    void theSrtpPolicyRoundTripsAndIsOptionalUnlessSet() {
        repo.add(ext("101", "Hall"), SipSecret.of("hall-pass-1"));
        repo.add(ext("102", "Doctor").withSrtp(SrtpPolicy.REQUIRED), SipSecret.of("doctor-pass-2"));
        assertThat(repo.find("101").orElseThrow().srtp()).isEqualTo(SrtpPolicy.OPTIONAL);
        assertThat(repo.find("102").orElseThrow().srtp()).isEqualTo(SrtpPolicy.REQUIRED);

        assertThat(repo.updateSettings(ext("101", "Hall").withSrtp(SrtpPolicy.OFF))).isTrue();
        assertThat(repo.list()).extracting(Extension::srtp).containsExactly(SrtpPolicy.OFF, SrtpPolicy.REQUIRED);
        assertThat(repo.secret("101")).contains(SipSecret.of("hall-pass-1"));

        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE extension SET srtp = 'maybe' WHERE number = '101'")) {
                return ps.executeUpdate();
            }
        });
        assertThat(repo.find("101").orElseThrow().srtp()).as("a hand-edited word reads as the default")
                .isEqualTo(SrtpPolicy.OPTIONAL);
    }

    @Test
    void extensionsStoredBeforeTheSrtpColumnAreOptional() throws Exception {
        Path oldDir = dataDir.resolve("v3");
        Files.createDirectories(oldDir);
        SQLiteDataSource v3 = new SQLiteDataSource();
        v3.setUrl("jdbc:sqlite:" + oldDir.resolve(Database.FILE_NAME));
        Flyway.configure(Database.class.getClassLoader()).dataSource(v3).locations("classpath:db/migration")
                .target("3").load().migrate();
        try (var c = v3.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO extension (number, name, created_at, secret_sealed, secret_key_version,"
                    + " ring_timeout_seconds) VALUES ('101', 'Alice', " + CREATED.toEpochMilli() + ", X'00', 1, 20)");
        }
        try (Database upgraded = Database.open(oldDir)) {
            SqlExtensionRepository old = new SqlExtensionRepository(upgraded, SecretCipher.open(oldDir));
            Extension alice = old.find("101").orElseThrow();
            assertThat(alice.srtp()).isEqualTo(SrtpPolicy.OPTIONAL);
            assertThat(alice.ringTimeout()).contains(Duration.ofSeconds(20));
        }
    }

    @Test
    void languageMusicClassAndRecordingRoundTripAndNullIsTheServerDefault() {
        repo.add(ext("101", "Hall"), SipSecret.of("hall-pass-1"));
        Extension doctor = ext("102", "Doctor").withLanguage(Optional.of("fr-CH")).withMohClass(Optional.of("jazz"))
                .withRecording(RecordingPolicy.ON_DEMAND).withSrtp(SrtpPolicy.REQUIRED);
        repo.add(doctor, SipSecret.of("doctor-pass-2"));
        assertThat(repo.find("102")).contains(doctor);
        Extension hall = repo.find("101").orElseThrow();
        assertThat(hall.language()).isEmpty();
        assertThat(hall.mohClass()).isEmpty();
        assertThat(hall.recording()).isEqualTo(RecordingPolicy.NEVER);
        assertThat(rawSettings("101")).containsExactly(null, null, "never");

        Extension changed = hall.withLanguage(Optional.of("de")).withMohClass(Optional.of("piano.2"))
                .withRecording(RecordingPolicy.ALWAYS);
        assertThat(repo.updateSettings(changed)).isTrue();
        assertThat(repo.find("101")).contains(changed);
        assertThat(rawSettings("101")).containsExactly("de", "piano.2", "always");
        assertThat(repo.updateSettings(doctor.withLanguage(Optional.empty()).withMohClass(Optional.empty()))).isTrue();
        assertThat(rawSettings("102")).as("back to the server default: NULL").containsExactly(null, null, "on-demand");
        assertThat(repo.secret("101")).contains(SipSecret.of("hall-pass-1"));
        assertThat(repo.list()).extracting(Extension::recording)
                .containsExactly(RecordingPolicy.ALWAYS, RecordingPolicy.ON_DEMAND);
    }

    @Test
    void handEditedSettingsOutsideTheRulesReadAsTheDefaults() {
        repo.add(ext("101", "Hall").withLanguage(Optional.of("fr")).withRecording(RecordingPolicy.ALWAYS),
                SipSecret.of("hall-pass-1"));
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE extension SET language = 'klingon', moh_class = '../etc', recording = 'maybe' WHERE number = '101'")) {
                return ps.executeUpdate();
            }
        });
        Extension hall = repo.find("101").orElseThrow();
        assertThat(hall.language()).isEmpty();
        assertThat(hall.mohClass()).isEmpty();
        assertThat(hall.recording()).isEqualTo(RecordingPolicy.NEVER);
        assertThat(hall.name()).isEqualTo("Hall");
    }

    @Test
    void extensionsStoredBeforeVersion6KeepTheirSettingsAndGetTheDefaults() throws Exception {
        Path oldDir = dataDir.resolve("v5");
        Files.createDirectories(oldDir);
        SQLiteDataSource v5 = new SQLiteDataSource();
        v5.setUrl("jdbc:sqlite:" + oldDir.resolve(Database.FILE_NAME));
        Flyway.configure(Database.class.getClassLoader()).dataSource(v5).locations("classpath:db/migration")
                .target("5").load().migrate();
        try (var c = v5.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO extension (number, name, created_at, secret_sealed, secret_key_version,"
                    + " ring_timeout_seconds, srtp) VALUES ('101', 'Alice', " + CREATED.toEpochMilli() + ", X'00', 1, 20,"
                    + " 'required')");
            st.executeUpdate("INSERT INTO extension (number, name, created_at, secret_sealed, secret_key_version)"
                    + " VALUES ('102', 'Bob', " + CREATED.toEpochMilli() + ", X'00', 1)");
        }
        try (Database upgraded = Database.open(oldDir)) {
            SqlExtensionRepository old = new SqlExtensionRepository(upgraded, SecretCipher.open(oldDir));
            assertThat(old.list()).containsExactly(
                    new Extension("101", "Alice", CREATED, Optional.of(Duration.ofSeconds(20)), SrtpPolicy.REQUIRED),
                    new Extension("102", "Bob", CREATED));
            assertThat(old.find("101").orElseThrow().recording()).isEqualTo(RecordingPolicy.NEVER);
        }
    }

    /** The raw language, moh_class and recording columns. */
    private List<String> rawSettings(String number) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT language, moh_class, recording FROM extension WHERE number = ?")) {
                ps.setString(1, number);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3));
                }
            }
        });
    }

    /** The raw column, so a test sees NULL apart from a number. */
    private Long ringTimeoutColumn(String number) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ring_timeout_seconds FROM extension WHERE number = ?")) {
                ps.setString(1, number);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    long value = rs.getLong(1);
                    return rs.wasNull() ? null : value;
                }
            }
        });
    }

    @Test
    void numbersThatBreakTheRuleAreSimplyNotFound() {
        for (String bad : new String[] {null, "", "0101", "1", "12a", "1234567890123456", "101' OR '1'='1"}) {
            assertThat(repo.find(bad)).isEmpty();
            assertThat(repo.secret(bad)).isEmpty();
            assertThat(repo.remove(bad)).isFalse();
            assertThat(repo.changeSecret(bad, SipSecret.of("whatever-1"))).isFalse();
        }
    }

    @Test
    void theDatabaseFilesNeverHoldTheClearPassword() throws IOException {
        repo.add(ext("101", "Alice"), SipSecret.of("Zebra-Plaintext-7731"));
        repo.add(ext("102", "Bob"), SipSecret.of("Initial-Bob-4410"));
        repo.changeSecret("102", SipSecret.of("Changed-Bob-5521"));
        List<String> secrets = List.of("Zebra-Plaintext-7731", "Initial-Bob-4410", "Changed-Bob-5521");

        Path wal = dataDir.resolve("switchboard.db-wal");
        assertThat(Files.size(wal)).as("writes are in the WAL while open").isPositive();
        assertNoneIn(secrets, dataDir.resolve("switchboard.db"), wal);
        db.close(); // checkpoints the WAL into the main file
        assertNoneIn(secrets, dataDir.resolve("switchboard.db"));
        assertThat(Files.size(dataDir.resolve("switchboard.db"))).isPositive();
    }

    /** Scans the raw bytes; the clear-text name proves the scan reads where rows live. */
    private static void assertNoneIn(List<String> secrets, Path... files) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            if (Files.exists(file)) all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
        String raw = all.toString();
        assertThat(raw.contains("Alice")).as("extension name found in the raw files").isTrue();
        for (String secret : secrets) assertThat(raw.contains(secret)).as("password found in the raw files").isFalse();
    }

    @Test
    void aTamperedSecretFailsWithAClearError() {
        repo.add(ext("101", "Alice"), SipSecret.of("alice-pass-1"));
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE extension SET secret_sealed = substr(secret_sealed, 1, 20) || X'00' || substr(secret_sealed, 22) WHERE number = '101'")) {
                return ps.executeUpdate();
            }
        });
        assertThatThrownBy(() -> repo.secret("101"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("extension 101").hasMessageContaining("set a new secret")
                .hasMessageNotContaining("alice-pass-1");
        assertThat(repo.find("101")).as("the extension itself stays usable").isPresent();
        assertThat(repo.changeSecret("101", SipSecret.of("alice-pass-2"))).isTrue();
        assertThat(repo.secret("101")).contains(SipSecret.of("alice-pass-2"));
    }

    @Test
    void aSecretCopiedToAnotherExtensionDoesNotOpen() {
        repo.add(ext("101", "Alice"), SipSecret.of("alice-pass-1"));
        repo.add(ext("102", "Bob"), SipSecret.of("bob-pass-22"));
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE extension SET secret_sealed = (SELECT secret_sealed FROM extension WHERE number = '101') WHERE number = '102'")) {
                return ps.executeUpdate();
            }
        });
        assertThatThrownBy(() -> repo.secret("102")).isInstanceOf(SecretDecryptionException.class);
        assertThat(repo.secret("101")).contains(SipSecret.of("alice-pass-1"));
    }

    @Test
    void everythingSurvivesARestart() {
        repo.add(ext("101", "Alice"), SipSecret.of("alice-pass-1"));
        db.close();
        db = Database.open(dataDir);
        repo = new SqlExtensionRepository(db, SecretCipher.open(dataDir));
        assertThat(repo.list()).containsExactly(ext("101", "Alice"));
        assertThat(repo.secret("101")).contains(SipSecret.of("alice-pass-1"));
    }

    @Test
    void aReplacedMasterKeyIsRefusedAtStart() throws IOException {
        repo.add(ext("101", "Alice"), SipSecret.of("alice-pass-1"));
        db.close();
        Files.delete(dataDir.resolve("secrets").resolve("master.key"));
        db = Database.open(dataDir);
        SecretCipher newKey = SecretCipher.open(dataDir);
        assertThatThrownBy(() -> new SqlExtensionRepository(db, newKey))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("master.key does not belong to database").hasMessageContaining("restore");
    }
}
