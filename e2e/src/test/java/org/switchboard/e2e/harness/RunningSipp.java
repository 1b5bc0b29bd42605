package org.switchboard.e2e.harness;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A SIPp run started in the background with {@link Sipp#start()}, typically a phone waiting for calls while a test
 * places them; it ends by itself after its {@code -m} calls or its timeout.
 *
 * @param sipp what runs
 * @param result completes when SIPp has ended
 */
public record RunningSipp(Sipp sipp, CompletableFuture<SippResult> result) {

    /** Where it listens, for a Request-URI or a Contact: {@code IP:PORT}. */
    public String address() {
        return sipp.localIp() + ":" + sipp.localPort();
    }

    /**
     * Waits for SIPp to end and returns its result.
     *
     * @throws IllegalStateException when it has not ended within {@code timeout} (the harness kills it at its own
     *                               timeout anyway)
     */
    public SippResult await(Duration timeout) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("SIPp " + sipp.scenario().getFileName() + " still runs after "
                    + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("SIPp " + sipp.scenario().getFileName() + " failed to run", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for SIPp", e);
        }
    }
}
