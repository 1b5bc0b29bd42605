package org.switchboard.e2e.harness;

/**
 * What a finished command left behind: its exit status and both output streams in full.
 *
 * @param exitCode the process exit status, or -1 when it was killed for running past its timeout
 * @param stdout standard output as text
 * @param stderr standard error as text
 */
public record ProcessResult(int exitCode, String stdout, String stderr) {
    /** Both streams, for assertion messages. */
    public String describe() {
        return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
