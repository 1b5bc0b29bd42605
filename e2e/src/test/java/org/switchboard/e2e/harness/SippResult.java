package org.switchboard.e2e.harness;

import java.nio.file.Path;

/**
 * The outcome of one SIPp run, from its exit status and its final statistics.
 *
 * @param exitCode SIPp's status: 0 when every call succeeded, 1 when some failed, -1 when killed by the harness;
 *                 other values are SIPp's fatal errors (bad scenario, cannot bind)
 * @param successfulCalls calls that reached the end of the scenario
 * @param failedCalls calls that ended on an unexpected message, a timeout or a transport error
 * @param statistics SIPp's statistics CSV
 * @param errors SIPp's error log (unexpected messages), the first place to look when calls failed
 * @param output SIPp's standard output and error
 */
public record SippResult(int exitCode, long successfulCalls, long failedCalls, Path statistics, Path errors,
        String output) {

    /** Every one of {@code expected} calls succeeded and none failed. */
    public boolean allSucceeded(long expected) {
        return exitCode == 0 && successfulCalls == expected && failedCalls == 0;
    }

    /** A line for assertion messages. */
    public String describe() {
        return "SIPp exit " + exitCode + ", " + successfulCalls + " successful, " + failedCalls + " failed; see "
                + errors + " and the -messages.log beside it\n"
                + String.join("\n", output.lines().filter(l -> !l.isBlank()).limit(20).toList());
    }
}
