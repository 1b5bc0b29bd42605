package org.switchboard.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded SQLite database, migrated to the current schema on open.
 *
 * <p>SQLite allows one writer at a time, so all writes go through a single connection guarded
 * by a lock, each {@link #write} in its own {@code BEGIN IMMEDIATE} transaction (no lock
 * upgrade, so no {@code SQLITE_BUSY} dead ends). Reads use a small pool of read-only
 * connections; in WAL mode they see the last committed state and never wait for the writer.
 * Every connection runs with {@code foreign_keys=ON}, {@code busy_timeout=5000} and
 * {@code synchronous=NORMAL} (in WAL a commit survives a crash of the process; a power cut
 * may lose the last commits, never corrupt the file).
 *
 * <p>All methods block on I/O: call them from virtual threads, never from an event loop.
 */
public final class Database implements Closeable {

    /** File name of the database inside the data directory. */
    public static final String FILE_NAME = "switchboard.db";
    /** Read-only connections kept open; enough for a 2-core server's readers. */
    static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 5_000;

    /** Work done with a connection; SQL errors become a {@link StoreException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final BlockingQueue<Connection> idleReaders;
    private volatile boolean closed;

    private Database(Path file, Connection writer, List<Connection> readers) {
        this.file = file;
        this.writer = writer;
        this.idleReaders = new ArrayBlockingQueue<>(readers.size(), false, readers);
    }

    /** Opens (creating if needed) {@code dataDir/switchboard.db} and migrates it. */
    public static Database open(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return openFile(dataDir.resolve(FILE_NAME));
    }

    /** Opens (creating if needed) the database file at {@code file} and migrates it. */
    public static Database openFile(Path file) {
        Objects.requireNonNull(file, "file");
        Path path = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the directory of database " + path + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(path)) throw new StoreException("cannot open database " + path + ": it is a directory");
        String url = "jdbc:sqlite:" + path;
        migrate(path, dataSource(url, config(false)));
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = config(false).createConnection(url);
            opened.add(writer);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                Connection reader = config(true).createConnection(url);
                opened.add(reader);
                readers.add(reader);
            }
            return new Database(path, writer, readers);
        } catch (SQLException e) {
            opened.forEach(Database::closeQuietly);
            throw new StoreException("cannot open database " + path + ": " + e.getMessage(), e);
        }
    }

    private static SQLiteConfig config(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setReadOnly(readOnly);
        return config;
    }

    private static SQLiteDataSource dataSource(String url, SQLiteConfig config) {
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    private static void migrate(Path path, SQLiteDataSource ds) {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate database " + path + ": " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() { return file; }

    /**
     * Runs {@code work} in one transaction on the writer connection: committed when it returns,
     * rolled back when it throws. Writes are serialised; a nested call is refused.
     */
    public <T> T write(Work<T> work) {
        Objects.requireNonNull(work, "work");
        if (writeLock.isHeldByCurrentThread()) throw new IllegalStateException("nested Database.write");
        writeLock.lock();
        try {
            ensureOpen();
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database write failed on " + file + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a read-only connection (auto-commit: each statement sees the latest commit). */
    public <T> T read(Work<T> work) {
        Objects.requireNonNull(work, "work");
        ensureOpen();
        Connection reader = takeReader();
        try {
            ensureOpen();
            return work.run(reader);
        } catch (SQLException e) {
            throw new StoreException("database read failed on " + file + ": " + e.getMessage(), e);
        } finally {
            idleReaders.add(reader);
            if (closed) closeIdleReaders();
        }
    }

    private Connection takeReader() {
        try {
            while (true) {
                Connection reader = idleReaders.poll(100, TimeUnit.MILLISECONDS);
                if (reader != null) return reader;
                ensureOpen();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a connection to database " + file);
        }
    }

    private void closeIdleReaders() {
        List<Connection> idle = new ArrayList<>();
        idleReaders.drainTo(idle);
        idle.forEach(Database::closeQuietly);
    }

    private void ensureOpen() {
        if (closed) throw new StoreException("database " + file + " is closed");
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /** Closes all connections; readers still in use are closed when they are given back. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        closeIdleReaders();
        writeLock.lock();
        try {
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do for a connection being discarded
        }
    }

    @Override
    public String toString() { return "Database[" + file + (closed ? ", closed]" : "]"); }
}
