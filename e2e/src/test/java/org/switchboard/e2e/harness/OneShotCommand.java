package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command that runs to completion (a CLI call, a SIPp run, a sipsak probe), bounded by a timeout.
 * Both output streams are written to {@code target/e2e-logs} and returned.
 *
 * @param name short name for the log files
 * @param command program and arguments
 * @param workDir working directory
 * @param env extra environment variables
 * @param timeout the command and its descendants are killed after this long; the result then has exit code -1
 */
public record OneShotCommand(String name, List<String> command, Path workDir, Map<String, String> env,
        Duration timeout) {

    public OneShotCommand {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    public OneShotCommand(String name, List<String> command, Path workDir, Duration timeout) {
        this(name, command, workDir, Map.of(), timeout);
    }

    /** Runs the command and waits for it, at most {@link #timeout()}. */
    public ProcessResult run() {
        Path out = E2eLogs.newFile(name + "-stdout");
        Path err = E2eLogs.newFile(name + "-stderr");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (!finished) {
                stderr += "\n[e2e: killed after the timeout of " + timeout + "]";
            }
            return new ProcessResult(finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + name + ": " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProcessResult(-1, "", "[e2e: interrupted]");
        }
    }
}
