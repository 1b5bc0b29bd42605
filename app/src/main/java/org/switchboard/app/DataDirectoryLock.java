package org.switchboard.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes sure one server at a time runs on a data directory: two servers on one SQLite file
 * and one admin endpoint would corrupt each other's view. An OS file lock on
 * {@code DATA/switchboard.lock} is released by the kernel even when the process is killed, so
 * a crash never leaves a stale lock; the file holds the owner's pid for the error message.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "switchboard.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) throws StartupException {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StartupException("Cannot use data directory " + dataDir + ": " + e.getMessage()
                    + ": check that it is a directory you can write", e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String owner = owner(file);
                channel.close();
                throw new StartupException("Another Switchboard server" + owner + " is already running with data directory "
                        + dataDir + ": stop it first, or start this one with another --data");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupException("Cannot lock data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    private static String owner(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d{1,10}") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
