package org.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.SipSecret;
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
