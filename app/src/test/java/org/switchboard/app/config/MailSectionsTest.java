package org.switchboard.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.app.mail.SmtpSettings;
import org.switchboard.app.mail.SmtpTls;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.pbx.voicemail.delivery.RetryPolicy;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;

/** The {@code smtp:} and {@code voicemail:} sections of {@code DATA/switchboard.yaml}. */
class MailSectionsTest {
    private ConfigFile file;

    @BeforeEach
    void emptyDataDirectory(@TempDir Path data) {
        file = new ConfigFile(data);
    }

    @Test
    void withoutSectionsMailIsOffAndVoicemailHasItsDefaults() throws Exception {
        SwitchboardConfig config = file.read();
        assertThat(config.smtp()).isEqualTo(SmtpSettings.none("pbx.example.com"));
        assertThat(config.smtp().configured()).isFalse();
        assertThat(config.voicemail()).isEqualTo(VoicemailSettings.DEFAULT);
        assertThat(VoicemailSettings.DEFAULT.maxMessageLength()).isEqualTo(Duration.ofSeconds(180));
        assertThat(VoicemailSettings.DEFAULT.minMessageLength()).isEqualTo(Duration.ofSeconds(1));
        assertThat(VoicemailSettings.DEFAULT.silenceEnd()).isEqualTo(Duration.ofSeconds(10));
        assertThat(VoicemailSettings.DEFAULT.silenceThreshold()).isEqualTo(-45);
        assertThat(VoicemailSettings.DEFAULT.maxMessages()).isEqualTo(100);
        assertThat(VoicemailSettings.DEFAULT.language()).isEqualTo(MailboxLanguage.EN);
    }

    @Test
    void everyKeyIsReadAndThePasswordNeverPrinted() throws Exception {
        SwitchboardConfig config = file.load("""
                smtp:
                  host: Mail.Example.com
                  port: 2525
                  from: pbx@example.com
                  username: pbx
                  password: "p@ss: word!"
                  tls: tls
                  timeout: 10s
                  certificate: tls/mail-ca.pem
                voicemail:
                  max-message-length: 5m
                  min-message-length: 0
                  silence-end: 8s
                  silence-threshold: -50dBFS
                  max-messages: 250
                  language: fr
                  email-retry-first: 30s
                  email-retry-max: 2h
                  email-give-up: 24h
                  operator: 100
                  enabled: false
                """);
        assertThat(config.smtp()).isEqualTo(new SmtpSettings(Optional.of("mail.example.com"), 2525, "pbx@example.com",
                Optional.of("pbx"), Optional.of("p@ss: word!"), SmtpTls.TLS, Duration.ofSeconds(10),
                Optional.of(file.data().toAbsolutePath().resolve("tls/mail-ca.pem"))));
        assertThat(config.voicemail()).isEqualTo(new VoicemailSettings(Duration.ofMinutes(5), Duration.ZERO,
                Duration.ofSeconds(8), -50, 250, MailboxLanguage.FR,
                new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofHours(24)), Optional.of("100"), false));
        assertThat(config.toString()).contains("password=(hidden)").doesNotContain("p@ss");
    }

    @Test
    void thePortFollowsTheTlsModeUnlessGiven() throws Exception {
        assertThat(file.load("smtp:\n  host: mail.example.com\n").smtp().port()).isEqualTo(587);
        assertThat(file.load("smtp:\n  host: mail.example.com\n  tls: tls\n").smtp().port()).isEqualTo(465);
        assertThat(file.load("smtp:\n  host: mail.example.com\n  tls: none\n").smtp().port()).isEqualTo(25);
        assertThat(file.load("smtp:\n  host: mail.example.com\n").smtp().from()).isEqualTo("switchboard@pbx.example.com");
    }

    @Test
    void mistakesNameTheKeyAndWhatIsAccepted() {
        assertThat(file.error("smtp:\n  host: mail.example.com\n  tls: ssl\n")).endsWith("smtp.tls: 'ssl' must be none, starttls or tls");
        assertThat(file.error("smtp:\n  host: mail.example.com\n  username: pbx\n"))
                .contains("smtp.username and smtp.password go together");
        assertThat(file.error("smtp:\n  username: pbx\n  password: x\n")).contains("set smtp.host");
        assertThat(file.error("smtp:\n  host: mail.example.com\n  from: pbx\n")).contains("smtp.from: 'pbx' is not an e-mail address");
        assertThat(file.error("smtp:\n  hostname: x\n")).contains("unknown key 'smtp.hostname'");
        assertThat(file.error("smtp:\n  host: mail.example.com\n  port: 0\n")).contains("smtp.port");
        assertThat(file.error("voicemail:\n  language: it\n")).contains("voicemail.language: 'it' is not a language");
        assertThat(file.error("voicemail:\n  silence-threshold: 10\n")).contains("dBFS from -96 to 0");
        assertThat(file.error("voicemail:\n  max-messages: 0\n")).contains("voicemail.max-messages");
        assertThat(file.error("voicemail:\n  operator: reception desk\n")).contains("voicemail.operator")
                .contains("is not an extension number");
        assertThat(file.error("voicemail:\n  enabled: maybe\n")).contains("voicemail.enabled").contains("is not true or false");
        assertThat(file.error("voicemail:\n  min-message-length: 5m\n  max-message-length: 1m\n"))
                .contains("min-message-length must be shorter than max-message-length");
        assertThat(file.error("voicemail:\n  email-retry-first: 2h\n  email-retry-max: 1h\n"))
                .contains("email-retry-max must be at least email-retry-first");
        assertThat(file.error("smtp:\n  host: mail.example.com\n  password: hunter22\n  username: ''\n"))
                .doesNotContain("hunter22");
    }
}
