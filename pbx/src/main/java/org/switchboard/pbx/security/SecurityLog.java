package org.switchboard.pbx.security;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events as one parseable line each ({@link KeyValueLine}), logged at WARN by the
 * SLF4J logger {@value #LOGGER_NAME} so operators can route them to their own file:
 * <pre>
 * event=auth_failure source=udp:198.51.100.7:5060 user=1001 method=REGISTER reason=wrong_password
 * event=address_blocked source=udp:198.51.100.7:5060 until=2026-01-01T00:10:00Z
 * </pre>
 * Reasons are the tokens of {@code org.switchboard.sip.auth.FailureReason}. A line never holds
 * a password or a digest response; the user is the name the client sent (untrusted, escaped).
 */
public final class SecurityLog {

    public static final String LOGGER_NAME = "switchboard.security";

    private final Consumer<String> sink;

    /** Writes to the SLF4J logger {@value #LOGGER_NAME}. */
    public SecurityLog() {
        Logger log = LoggerFactory.getLogger(LOGGER_NAME);
        this.sink = line -> log.warn("{}", line);
    }

    /** Writes each line to {@code sink} (tests, or another channel). */
    public SecurityLog(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** One failed authentication; {@code source} is the flow as text, e.g. {@code udp:192.0.2.1:5060}. */
    public void authFailure(String source, String user, String method, String reason) {
        sink.accept(new KeyValueLine().add("event", "auth_failure").add("source", source).add("user", user)
                .add("method", method).add("reason", reason).toString());
    }

    /**
     * One failed authentication that also counts against its address: the line above, then
     * {@code guard} records it and, when that blocks the address, an {@link #addressBlocked} line.
     * The registrar, the B2BUA and the MWI notifier all answer a wrong password this way.
     */
    public void authFailure(String source, String user, String method, String reason, AuthFailureGuard guard,
                            InetAddress address, Instant now) {
        authFailure(source, user, method, reason);
        guard.recordFailure(address, now).ifPresent(until -> addressBlocked(source, until));
    }

    /** An address starts being ignored until {@code until}. */
    public void addressBlocked(String source, Instant until) {
        sink.accept(new KeyValueLine().add("event", "address_blocked").add("source", source)
                .add("until", until.toString()).toString());
    }
}
