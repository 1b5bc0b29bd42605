package org.switchboard.app.mail;

import java.util.Locale;
import java.util.Optional;

/** How the connection to the mail server is protected ({@code smtp.tls}). */
public enum SmtpTls {
    /** Plain SMTP: only for a relay on the same host or a trusted network. */
    NONE(25),
    /** Plain connection upgraded by STARTTLS (RFC 3207), required: a server that does not offer it is refused. */
    STARTTLS(587),
    /** TLS from the first byte (RFC 8314 §3.3, "submissions"). */
    TLS(465);

    public static final String RULE = "must be none, starttls or tls";

    private final int defaultPort;

    SmtpTls(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The usual port of this mode: 25, 587 or 465. */
    public int defaultPort() {
        return defaultPort;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SmtpTls> parse(String word) {
        if (word == null) return Optional.empty();
        String w = word.strip().toUpperCase(Locale.ROOT);
        for (SmtpTls t : values()) if (t.name().equals(w)) return Optional.of(t);
        return Optional.empty();
    }
}
