package org.switchboard.e2e.harness;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A long-running peer (server, softphone, registrar) started by a test: its merged stdout and stderr go line by line
 * to a log file under {@code target/e2e-logs} and are kept in memory so a test can wait for a line.
 *
 * <p>Every child has a maximum lifetime after which a watchdog kills it, and a JVM shutdown hook kills whatever a
 * crashed test left behind, so no peer outlives the test run.
 */
public final class ChildProcess implements AutoCloseable {
    /** Lines kept in memory for {@link #awaitLine}; the log file keeps everything. */
    private static final int MAX_LINES_KEPT = 200_000;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildProcess::kill), "e2e-child-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final Writer stdin;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition newLine = lock.newCondition();
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code command}; its output goes to a new file in {@link E2eLogs}.
     *
     * @param name a short name for the log file and for messages
     * @param maxLifetime the watchdog kills the process after this long, whatever the test does
     */
    public static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
            Duration maxLifetime) {
        Path log = E2eLogs.newFile(name);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            Files.writeString(log, "$ " + String.join(" ", command) + "\n");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command.getFirst(), e);
        }
        LIVE.add(process);
        ChildProcess child = new ChildProcess(name, process, log);
        Thread.ofVirtual().name("e2e-pump-" + name).start(child::pump);
        Thread.ofVirtual().name("e2e-watchdog-" + name).start(() -> child.killAfter(maxLifetime));
        return child;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, when the process has ended. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Writes one line to the process's standard input. */
    public void send(String line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + name + " (did it exit? see " + log + ")", e);
        }
    }

    /**
     * Waits until a line of output (from the start on) matches, the process ends, or the timeout passes.
     *
     * @return the matching line, or empty when none came
     */
    public Optional<String> awaitLine(Predicate<String> matcher, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (matcher.test(lines.get(seen))) {
                        return Optional.of(lines.get(seen));
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    return Optional.empty();
                }
                newLine.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Whether some line of output so far matches. */
    public boolean hasLine(Predicate<String> matcher) {
        return awaitLine(matcher, Duration.ZERO).isPresent();
    }

    /** The output so far, as one text. */
    public String output() {
        lock.lock();
        try {
            return String.join("\n", lines);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the process to end by itself; false when it still runs after the timeout. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the process: SIGTERM, then SIGKILL for it and its descendants when it has not ended within {@code grace}.
     */
    public void stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(grace)) {
                kill(process);
                awaitExit(Duration.ofSeconds(5));
            }
        }
        LIVE.remove(process);
        closeStdin();
    }

    /**
     * Kills the process and its descendants at once with SIGKILL, as {@code kill -9} would: no shutdown hook runs, no
     * file is closed cleanly. Waits up to 5 s for it to be gone.
     */
    public void kill() {
        kill(process);
        awaitExit(Duration.ofSeconds(5));
        LIVE.remove(process);
        closeStdin();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                lock.lock();
                try {
                    if (lines.size() < MAX_LINES_KEPT) {
                        lines.add(line);
                    }
                    newLine.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            // The stream closes when the process is killed: the log keeps what came before.
        } finally {
            lock.lock();
            try {
                ended = true;
                newLine.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void killAfter(Duration maxLifetime) {
        if (!awaitExit(maxLifetime) && process.isAlive()) {
            System.err.println("e2e: " + this + " outlived its maximum lifetime of " + maxLifetime + ": killed");
            kill(process);
        }
        LIVE.remove(process);
    }

    private void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            // Already closed by the process ending: nothing to release.
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
