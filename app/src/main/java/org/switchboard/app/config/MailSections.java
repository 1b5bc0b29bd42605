package org.switchboard.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.app.config.ConfigLoader.Values;
import org.switchboard.app.mail.SmtpSettings;
import org.switchboard.app.mail.SmtpTls;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.pbx.voicemail.delivery.RetryPolicy;
import org.switchboard.pbx.voicemail.mailbox.EmailAddress;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;

/** The {@code smtp:} and {@code voicemail:} sections, read by {@link ConfigLoader} with the same rules as the rest. */
final class MailSections {
    private MailSections() { }

    static SmtpSettings smtp(Values values, Path dataDir, String domain) throws ConfigException {
        Optional<String> host = values.get("smtp.host", MailSections::host);
        SmtpTls tls = values.get("smtp.tls", text -> SmtpTls.parse(text)
                .orElseThrow(() -> new IllegalArgumentException(SmtpTls.RULE))).orElse(SmtpTls.STARTTLS);
        int port = values.get("smtp.port", MailSections::port).orElse(tls.defaultPort());
        String from = values.get("smtp.from", MailSections::address).orElse("switchboard@" + domain);
        Optional<String> username = values.get("smtp.username", MailSections::text);
        Optional<String> password = values.get("smtp.password", MailSections::text);
        Duration timeout = values.get("smtp.timeout", ConfigLoader.positiveDuration()).orElse(SmtpSettings.DEFAULT_TIMEOUT);
        Optional<Path> certificate = values.get("smtp.certificate", text -> ConfigLoader.path(dataDir, text));
        if (username.isPresent() != password.isPresent()) {
            throw new ConfigException(values.file() + ": smtp.username and smtp.password go together: set both or neither");
        }
        if (host.isEmpty() && (username.isPresent() || values.yaml().containsKey("smtp.port"))) {
            throw new ConfigException(values.file() + ": smtp has settings but no host: set smtp.host to the mail server");
        }
        return new SmtpSettings(host, port, from, username, password, tls, timeout, certificate);
    }

    static VoicemailSettings voicemail(Values values) throws ConfigException {
        VoicemailSettings d = VoicemailSettings.DEFAULT;
        RetryPolicy r = d.emailRetry();
        Duration maxLength = values.get("voicemail.max-message-length", ConfigLoader.positiveDuration())
                .orElse(d.maxMessageLength());
        Duration minLength = values.get("voicemail.min-message-length", zeroOrDuration()).orElse(d.minMessageLength());
        Duration silenceEnd = values.get("voicemail.silence-end", ConfigLoader.positiveDuration()).orElse(d.silenceEnd());
        int threshold = values.get("voicemail.silence-threshold", MailSections::dbfs).orElse(d.silenceThreshold());
        int maxMessages = values.get("voicemail.max-messages", ConfigLoader.intIn(1, 100_000)).orElse(d.maxMessages());
        MailboxLanguage language = values.get("voicemail.language", text -> MailboxLanguage.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("is not a language: use en, fr or de"))).orElse(d.language());
        Duration first = values.get("voicemail.email-retry-first", ConfigLoader.positiveDuration()).orElse(r.first());
        Duration max = values.get("voicemail.email-retry-max", ConfigLoader.positiveDuration()).orElse(r.max());
        Duration giveUp = values.get("voicemail.email-give-up", ConfigLoader.positiveDuration()).orElse(r.giveUpAfter());
        Optional<String> operator = values.get("voicemail.operator", MailSections::extensionNumber);
        boolean enabled = values.get("voicemail.enabled", MwiSection::bool).orElse(d.enabled());
        if (minLength.compareTo(maxLength) >= 0) {
            throw new ConfigException(values.file() + ": voicemail: min-message-length must be shorter than"
                    + " max-message-length (now " + minLength.toSeconds() + " and " + maxLength.toSeconds() + " s)");
        }
        if (max.compareTo(first) < 0) {
            throw new ConfigException(values.file() + ": voicemail: email-retry-max must be at least email-retry-first");
        }
        return new VoicemailSettings(maxLength, minLength, silenceEnd, threshold, maxMessages, language,
                new RetryPolicy(first, max, giveUp), operator, enabled);
    }

    private static String extensionNumber(String text) {
        String number = text.strip();
        if (!ExtensionNumber.isValid(number)) throw new IllegalArgumentException("is not an extension number: " + ExtensionNumber.RULE);
        return number;
    }

    private static String host(String text) {
        try {
            return ConfigLoader.domain(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a mail server: use its host name or IP address");
        }
    }

    private static int port(String text) {
        int port = ConfigLoader.port(text);
        if (port == 0) throw new IllegalArgumentException("is not a port: use a number from 1 to 65535");
        return port;
    }

    private static String address(String text) {
        if (!EmailAddress.isValid(text)) throw new IllegalArgumentException("is not an e-mail address: " + EmailAddress.RULE);
        return text;
    }

    private static String text(String text) {
        if (text.isEmpty()) throw new IllegalArgumentException("is empty");
        return text;
    }

    private static ConfigLoader.Parser<Duration> zeroOrDuration() {
        ConfigLoader.Parser<Duration> positive = ConfigLoader.positiveDuration();
        return text -> text.equals("0") ? Duration.ZERO : positive.parse(text);
    }

    private static int dbfs(String text) {
        String number = text.toLowerCase(Locale.ROOT).replace("dbfs", "").strip();
        try {
            int value = Integer.parseInt(number);
            if (value >= -96 && value <= 0) return value;
        } catch (NumberFormatException e) {
            // fall through to the rule
        }
        throw new IllegalArgumentException("is not a level: use whole dBFS from -96 to 0, e.g. -45");
    }
}
