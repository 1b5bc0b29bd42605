package org.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.app.MemoryStorage;
import org.switchboard.app.cli.CliRig.Run;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.voicemail.delivery.Delivery;
import org.switchboard.pbx.voicemail.greeting.Greeting;
import org.switchboard.pbx.voicemail.greeting.GreetingChoice;
import org.switchboard.pbx.voicemail.greeting.GreetingKind;
import org.switchboard.pbx.voicemail.mailbox.EmailMode;
import org.switchboard.pbx.voicemail.mailbox.Mailbox;
import org.switchboard.pbx.voicemail.message.Caller;
import org.switchboard.pbx.voicemail.message.Folder;
import org.switchboard.pbx.voicemail.message.VoicemailMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code switchboard voicemail set|list} against a real server in this JVM (loopback, storage in memory). */
class VoicemailCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-03-02T13:05:00Z");

    @TempDir Path data;
    private final MemoryStorage storage = new MemoryStorage();
    private CliRig rig;

    @BeforeEach
    void start() throws Exception {
        storage.extensions().add(new Extension("1002", "Dr. Martin", T), SipSecret.of("doctor-password"));
        rig = CliRig.start(data, storage);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private Mailbox stored() {
        return storage.voicemail().mailboxes().find("1002").orElseThrow();
    }

    @Test
    void setChangesPinAddressModeAndLanguageAndSaysWhatItDid() {
        Run set = rig.cli("voicemail", "set", "1002", "--pin", "2580", "--email", "dr@praxis.ch", "--email-mode", "attach-delete",
                "--language", "fr");
        assertThat(set.err()).isEmpty();
        assertThat(set.status()).isZero();
        assertThat(set.out()).isEqualTo("Mailbox 1002 updated: PIN set, e-mail dr@praxis.ch (attach-delete), language fr.\n");
        assertThat(stored().pin().orElseThrow().matches("2580")).isTrue();
        assertThat(stored().emailMode()).isEqualTo(EmailMode.ATTACH_DELETE);

        Run off = rig.cli("voicemail", "set", "1002", "--email", "none", "--language", "default", "--pin", "none");
        assertThat(off.out()).isEqualTo("Mailbox 1002 updated: no PIN, no e-mail, language en (default).\n");
        assertThat(stored().hasPin()).isFalse();
    }

    @Test
    void mistakesAreExplainedAndChangeNothing() {
        Run weak = rig.cli("voicemail", "set", "1002", "--pin", "1234");
        assertThat(weak.status()).isEqualTo(1);
        assertThat(weak.err()).isEqualTo("A PIN of consecutive digits (like 1234 or 9876) is too easy to guess.\n");
        Run email = rig.cli("voicemail", "set", "1002", "--email", "dr.praxis.ch");
        assertThat(email.status()).isEqualTo(1);
        assertThat(email.err()).contains("name@example.com");
        Run mode = rig.cli("voicemail", "set", "1002", "--email-mode", "fax");
        assertThat(mode.status()).isEqualTo(2);
        assertThat(mode.err()).isEqualTo("--email-mode 'fax': e-mail mode must be attach, attach-delete, notify or off.\n");
        Run nothing = rig.cli("voicemail", "set", "1002");
        assertThat(nothing.status()).isEqualTo(2);
        assertThat(nothing.err()).startsWith("Nothing to change: give --pin");
        Run unknown = rig.cli("voicemail", "list", "4711");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("There is no extension 4711, so no mailbox.\n");
        Run invalid = rig.cli("voicemail", "set", "12ab", "--pin", "2580");
        assertThat(invalid.status()).isEqualTo(1);
        assertThat(invalid.err()).contains("not a valid extension number");
        assertThat(storage.voicemail().mailboxes().find("1002")).isEmpty();
    }

    @Test
    void listShowsMessagesWithTheirMailState() throws Exception {
        VoicemailMessage sent = new VoicemailMessage("20260302T130500000Z-0000000a", "1002", Folder.OLD,
                new Caller("1001", "Alice"), T, Duration.ofSeconds(42));
        VoicemailMessage waiting = new VoicemailMessage("20260302T140000000Z-0000000b", "1002", Folder.NEW,
                Caller.UNKNOWN, T.plusSeconds(3300), Duration.ofSeconds(7));
        storage.voicemail().messages().insert(sent);
        storage.voicemail().messages().insert(waiting);
        storage.voicemail().deliveries().insert(Delivery.pending(sent.id(), "1002", "dr@praxis.ch", EmailMode.ATTACH, T)
                .sent(T.plusSeconds(1)));
        storage.voicemail().deliveries().insert(Delivery.pending(waiting.id(), "1002", "dr@praxis.ch", EmailMode.ATTACH,
                T.plusSeconds(3300)).retryAt(T.plusSeconds(3420), "cannot connect to mail.example.com:587: Connection refused"));
        rig.cli("voicemail", "set", "1002", "--email", "dr@praxis.ch");

        Run json = rig.cli("voicemail", "list", "1002", "--json");
        assertThat(json.status()).isZero();
        JsonNode both = JSON.readTree(json.out());
        assertThat(both.get("mailbox").get("messages").get("newMessages").asInt()).isEqualTo(1);
        assertThat(both.get("messages")).hasSize(2);
        assertThat(both.get("messages").get(1).get("email").get("lastError").asString())
                .isEqualTo("cannot connect to mail.example.com:587: Connection refused");

        StringWriter text = new StringWriter();
        VoicemailCommand.print(both.get("mailbox"), both.get("messages"), new PrintWriter(text, true), ZoneOffset.UTC);
        assertThat(text.toString().lines()).containsExactly(
                "Mailbox 1002: no PIN, e-mail dr@praxis.ch (attach), language en (default).",
                "Greetings: standard chosen, no schedule.",
                "Recorded greetings: none.",
                "Messages: 1 new, 1 old, 0 saved.",
                "RECEIVED             FOLDER  FROM          DURATION  ID                            E-MAIL",
                "2026-03-02 13:05:00  old     1001 (Alice)  0:00:42   20260302T130500000Z-0000000a  sent",
                "2026-03-02 14:00:00  new     unknown       0:00:07   20260302T140000000Z-0000000b  pending: attempt 1 failed"
                        + " (cannot connect to mail.example.com:587: Connection refused), next 2026-03-02 14:02:00");
        assertThat(rig.cli("voicemail", "list", "1002").out()).startsWith("Mailbox 1002: no PIN, e-mail dr@praxis.ch (attach)");
    }

    @Test
    void setChoosesTheGreetingItsEndAndTheScheduleAndWarnsAboutWhatIsNotRecorded() {
        recorded(GreetingKind.TEMPORARY, 5);
        recorded(new GreetingKind.Custom("1"), 20);
        Run set = rig.cli("voicemail", "set", "1002", "--greeting", "holiday", "--temporary-until", "2026-12-24T08:00",
                "--schedule", "closed sat-sun; lunch mon-fri 12:00-13:30");
        assertThat(set.status()).as(set.err()).isZero();
        assertThat(set.out().lines()).containsExactly(
                "Mailbox 1002 updated: no PIN, no e-mail, language en (default).",
                "Greetings: custom holiday chosen (not recorded), temporary until 2026-12-24 08:00:00,"
                        + " schedule \"closed sat,sun; lunch mon-fri 12:00-13:30\".");
        assertThat(set.err().lines()).containsExactly(
                "Warning: greeting holiday is not recorded yet: callers hear the standard greeting until it is.",
                "Warning: the schedule names greetings not recorded yet (closed, lunch): callers hear the standard"
                        + " greeting at those times until they are.");
        GreetingChoice choice = stored().greetings();
        assertThat(choice.activeCustom()).contains("holiday");
        assertThat(choice.temporaryUntil()).as("the server's time zone")
                .contains(LocalDateTime.parse("2026-12-24T08:00").atZone(ZoneId.systemDefault()).toInstant());
        assertThat(choice.schedule().text()).isEqualTo("closed sat,sun; lunch mon-fri 12:00-13:30");

        Run phone = rig.cli("voicemail", "set", "1002", "--greeting", "1");
        assertThat(phone.err()).as("recorded: no warning").isEmpty();
        assertThat(stored().greetings().activeCustom()).contains("1");
        assertThat(stored().greetings().schedule()).as("kept").isEqualTo(choice.schedule());

        Run past = rig.cli("voicemail", "set", "1002", "--temporary-until", "2020-01-01 08:00");
        assertThat(past.status()).isZero();
        assertThat(past.err()).isEqualTo("Warning: 2020-01-01 08:00:00 has passed: the temporary greeting no longer plays.\n");

        Run off = rig.cli("voicemail", "set", "1002", "--greeting", "standard", "--temporary-until", "none", "--schedule", "none");
        assertThat(off.out()).endsWith("Greetings: standard chosen, temporary until deleted, no schedule.\n");
        assertThat(stored().greetings()).isEqualTo(GreetingChoice.STANDARD);
    }

    @Test
    void badGreetingSettingsAreExplainedAndChangeNothing() {
        Run schedule = rig.cli("voicemail", "set", "1002", "--pin", "2580", "--schedule",
                "closed sat-sun; lunch mon-fri 12:00-1330");
        assertThat(schedule.status()).isEqualTo(2);
        assertThat(schedule.err()).isEqualTo("--schedule: entry 2 ('lunch mon-fri 12:00-1330'): '12:00-1330' is not a time"
                + " range: write HH:MM-HH:MM.\n");
        Run days = rig.cli("voicemail", "set", "1002", "--schedule", "closed weekends");
        assertThat(days.status()).isEqualTo(2);
        assertThat(days.err()).startsWith("--schedule: entry 1 ('closed weekends'): 'weekends' is not a set of days: use"
                + " mon..sun");
        Run name = rig.cli("voicemail", "set", "1002", "--greeting", "Holiday");
        assertThat(name.status()).isEqualTo(2);
        assertThat(name.err()).isEqualTo("--greeting 'Holiday': " + GreetingKind.Custom.RULE + "; or standard.\n");
        Run until = rig.cli("voicemail", "set", "1002", "--temporary-until", "christmas");
        assertThat(until.status()).isEqualTo(2);
        assertThat(until.err()).startsWith("--temporary-until 'christmas': write a date and time such as 2026-12-24T08:00");
        assertThat(storage.voicemail().mailboxes().find("1002")).isEmpty();
    }

    @Test
    void listShowsTheRecordedGreetingsAndTheChoice() throws Exception {
        recorded(GreetingKind.UNAVAILABLE, 12);
        recorded(new GreetingKind.Custom("closed"), 20);
        rig.cli("voicemail", "set", "1002", "--greeting", "closed", "--schedule", "closed daily 18:00-08:00");

        Run list = rig.cli("voicemail", "list", "1002");
        assertThat(list.out().lines()).containsSubsequence(
                "Greetings: custom closed chosen, schedule \"closed daily 18:00-08:00\".",
                "Recorded greetings: unavailable 0:00:12, custom closed 0:00:20.",
                "Messages: 0 new, 0 old, 0 saved.");
        JsonNode greetings = JSON.readTree(rig.cli("voicemail", "list", "1002", "--json").out()).get("mailbox").get("greetings");
        assertThat(greetings.get("activeCustom").asString()).isEqualTo("closed");
        assertThat(greetings.get("recorded").findValuesAsString("kind")).containsExactly("unavailable", "custom");
        assertThat(greetings.get("recorded").get(1).get("customName").asString()).isEqualTo("closed");
    }

    /** A recording in the index (the server was started, so its file check has run). */
    private void recorded(GreetingKind kind, int seconds) {
        storage.voicemail().greetings().put(new Greeting("1002", kind, T, Duration.ofSeconds(seconds)));
    }
}
