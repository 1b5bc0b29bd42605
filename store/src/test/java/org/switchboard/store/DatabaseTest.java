package org.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir Path dataDir;

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String readText(Database db, String sql) { return db.read(c -> query(c, sql)); }

    private static String writeText(Database db, String sql) { return db.write(c -> query(c, sql)); }

    @Test
    void createsTheFileInTheDataDirectoryWithWalAndSafePragmas() {
        try (Database db = Database.open(dataDir)) {
            assertThat(db.file()).isEqualTo(dataDir.resolve("switchboard.db").toAbsolutePath());
            assertThat(Files.exists(db.file())).isTrue();
            for (boolean writer : new boolean[] {true, false}) {
                Database.Work<String> pragmas = c -> query(c, "PRAGMA journal_mode") + " fk=" + query(c, "PRAGMA foreign_keys")
                        + " sync=" + query(c, "PRAGMA synchronous") + " busy=" + query(c, "PRAGMA busy_timeout");
                String seen = writer ? db.write(pragmas) : db.read(pragmas);
                assertThat(seen).isEqualTo("wal fk=1 sync=1 busy=5000");
            }
        }
    }

    @Test
    void appliesTheMigrationsOnce() {
        try (Database db = Database.open(dataDir)) {
            assertThat(readText(db, "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success = 1"))
                    .isEqualTo("1");
            assertThat(readText(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('extension', 'binding', 'secret_key')"))
                    .isEqualTo("3");
        }
        try (Database db = Database.open(dataDir)) {
            assertThat(readText(db, "SELECT count(*) FROM flyway_schema_history WHERE version = '1'")).isEqualTo("1");
        }
    }

    @Test
    void committedWritesSurviveAReopen() {
        try (Database db = Database.open(dataDir)) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE note (text TEXT)");
                    return st.executeUpdate("INSERT INTO note VALUES ('kept')");
                }
            });
        }
        try (Database db = Database.open(dataDir)) {
            assertThat(readText(db, "SELECT text FROM note")).isEqualTo("kept");
        }
    }

    @Test
    void aFailingWriteRollsBackEverything() {
        try (Database db = Database.open(dataDir)) {
            db.write(c -> { try (Statement st = c.createStatement()) { return st.execute("CREATE TABLE note (text TEXT)"); } });
            assertThatThrownBy(() -> db.write(c -> {
                try (Statement st = c.createStatement()) { st.executeUpdate("INSERT INTO note VALUES ('lost')"); }
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThatThrownBy(() -> db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO note VALUES ('lost too')");
                    return st.executeUpdate("INSERT INTO no_such_table VALUES (1)");
                }
            })).isInstanceOf(StoreException.class).hasMessageContaining("no_such_table").hasMessageContaining(db.file().toString());
            assertThat(readText(db, "SELECT count(*) FROM note")).isEqualTo("0");
            assertThat(writeText(db, "SELECT count(*) FROM note")).isEqualTo("0");
        }
    }

    @Test
    void readersAreNotBlockedByAnOpenWriteTransaction() throws Exception {
        try (Database db = Database.open(dataDir); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            db.write(c -> { try (Statement st = c.createStatement()) { return st.execute("CREATE TABLE note (text TEXT)"); } });
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> db.write(c -> {
                try (Statement st = c.createStatement()) { st.executeUpdate("INSERT INTO note VALUES ('pending')"); }
                inserted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return 1;
            }), threads);
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(readText(db, "SELECT count(*) FROM note")).as("uncommitted row invisible").isEqualTo("0");
            release.countDown();
            assertThat(writer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(readText(db, "SELECT count(*) FROM note")).isEqualTo("1");
        }
    }

    @Test
    void readConnectionsRefuseWrites() {
        try (Database db = Database.open(dataDir)) {
            assertThatThrownBy(() -> db.read(c -> { try (Statement st = c.createStatement()) { return st.execute("CREATE TABLE x (y)"); } }))
                    .isInstanceOf(StoreException.class).hasMessageContaining("read");
        }
    }

    @Test
    void aNestedWriteIsRefused() {
        try (Database db = Database.open(dataDir)) {
            assertThatThrownBy(() -> db.write(c -> db.write(c2 -> 1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("nested");
        }
    }

    @Test
    void aClosedDatabaseSaysSo() {
        Database db = Database.open(dataDir);
        db.close();
        db.close();
        assertThatThrownBy(() -> db.read(c -> 1)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> db.write(c -> 1)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsAClearError() throws Exception {
        Files.createDirectories(dataDir.resolve("switchboard.db"));
        assertThatThrownBy(() -> Database.open(dataDir))
                .isInstanceOf(StoreException.class).hasMessageContaining("is a directory");
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearError() throws Exception {
        Files.writeString(dataDir.resolve("switchboard.db"), "this is not SQLite, just a text file that is long enough ".repeat(20));
        assertThatThrownBy(() -> Database.open(dataDir))
                .isInstanceOf(StoreException.class).hasMessageContaining("switchboard.db");
    }
}
