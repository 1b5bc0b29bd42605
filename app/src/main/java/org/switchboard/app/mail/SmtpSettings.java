package org.switchboard.app.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code smtp:} section of {@code DATA/switchboard.yaml}: where voicemail mails go out. No
 * host means no mail server: deliveries wait (and say why) until one is configured. The
 * password is in the YAML file in clear (the file should be mode 0600; the server warns at
 * start when it is readable by others); {@link #toString()} never shows it.
 *
 * @param host        mail server ({@code smtp.host}); empty: mail is not configured
 * @param port        its port ({@code smtp.port}; default by {@code tls}: 25, 587 or 465)
 * @param from        sender address ({@code smtp.from}; default {@code switchboard@DOMAIN})
 * @param username    login, when the server wants one ({@code smtp.username})
 * @param password    its password ({@code smtp.password})
 * @param tls         {@code none}, {@code starttls} (default) or {@code tls}
 * @param timeout     limit for connecting and for each read and write ({@code smtp.timeout}, 30 s)
 * @param certificate PEM certificate (or CA) to trust instead of the system's CAs, for a mail
 *                    server with a private certificate ({@code smtp.certificate})
 */
public record SmtpSettings(Optional<String> host, int port, String from, Optional<String> username,
                           Optional<String> password, SmtpTls tls, Duration timeout, Optional<Path> certificate) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(certificate, "certificate");
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("port must be 1 to 65535");
    }

    /** No mail server: the settings of a server whose YAML says nothing about SMTP. */
    public static SmtpSettings none(String domain) {
        return new SmtpSettings(Optional.empty(), SmtpTls.STARTTLS.defaultPort(), "switchboard@" + domain,
                Optional.empty(), Optional.empty(), SmtpTls.STARTTLS, DEFAULT_TIMEOUT, Optional.empty());
    }

    public boolean configured() {
        return host.isPresent();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host.orElse("(none)") + ", port=" + port + ", from=" + from + ", username="
                + username.orElse("(none)") + ", password=" + (password.isPresent() ? "(hidden)" : "(none)") + ", tls="
                + tls.word() + ", timeout=" + timeout + ", certificate=" + certificate.map(Path::toString).orElse("(system CAs)")
                + "]";
    }
}
