package org.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.app.MemoryStorage;
import org.switchboard.app.NoSipService;
import org.switchboard.app.Server;
import org.switchboard.app.ServerWiring;
import org.switchboard.app.config.ConfigLoader;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.voicemail.delivery.Delivery;
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
    private Server server;

    @BeforeEach
    void start() throws Exception {
        storage.extensions().add(new Extension("1002", "Dr. Martin", T), SipSecret.of("doctor-password"));
        server = Server.start(new ConfigLoader(() -> "testhost").load(data,
                        Map.of("bind", "127.0.0.1", "sip-port", "0", "sips-port", "0", "https-port", "0")),
                wiring(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Mailbox stored() {
        return storage.voicemail().mailboxes().find("1002").orElseThrow();
    }

    @Test
    void setChangesPinAddressModeAndLanguageAndSaysWhatItDid() {
        Run set = cli("voicemail", "set", "1002", "--pin", "2580", "--email", "dr@praxis.ch", "--email-mode", "attach-delete",
                "--language", "fr");
        assertThat(set.err).isEmpty();
        assertThat(set.status).isZero();
        assertThat(set.out).isEqualTo("Mailbox 1002 updated: PIN set, e-mail dr@praxis.ch (attach-delete), language fr.\n");
        assertThat(stored().pin().orElseThrow().matches("2580")).isTrue();
        assertThat(stored().emailMode()).isEqualTo(EmailMode.ATTACH_DELETE);

        Run off = cli("voicemail", "set", "1002", "--email", "none", "--language", "default", "--pin", "none");
        assertThat(off.out).isEqualTo("Mailbox 1002 updated: no PIN, no e-mail, language en (default).\n");
        assertThat(stored().hasPin()).isFalse();
    }

    @Test
    void mistakesAreExplainedAndChangeNothing() {
        Run weak = cli("voicemail", "set", "1002", "--pin", "1234");
        assertThat(weak.status).isEqualTo(1);
        assertThat(weak.err).isEqualTo("A PIN of consecutive digits (like 1234 or 9876) is too easy to guess.\n");
        Run email = cli("voicemail", "set", "1002", "--email", "dr.praxis.ch");
        assertThat(email.status).isEqualTo(1);
        assertThat(email.err).contains("name@example.com");
        Run mode = cli("voicemail", "set", "1002", "--email-mode", "fax");
        assertThat(mode.status).isEqualTo(2);
        assertThat(mode.err).isEqualTo("--email-mode 'fax': e-mail mode must be attach, attach-delete, notify or off.\n");
        Run nothing = cli("voicemail", "set", "1002");
        assertThat(nothing.status).isEqualTo(2);
        assertThat(nothing.err).startsWith("Nothing to change: give --pin");
        Run unknown = cli("voicemail", "list", "4711");
        assertThat(unknown.status).isEqualTo(1);
        assertThat(unknown.err).isEqualTo("There is no extension 4711, so no mailbox.\n");
        Run invalid = cli("voicemail", "set", "12ab", "--pin", "2580");
        assertThat(invalid.status).isEqualTo(1);
        assertThat(invalid.err).contains("not a valid extension number");
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
        cli("voicemail", "set", "1002", "--email", "dr@praxis.ch");

        Run json = cli("voicemail", "list", "1002", "--json");
        assertThat(json.status).isZero();
        JsonNode both = JSON.readTree(json.out);
        assertThat(both.get("mailbox").get("messages").get("newMessages").asInt()).isEqualTo(1);
        assertThat(both.get("messages")).hasSize(2);
        assertThat(both.get("messages").get(1).get("email").get("lastError").asString())
                .isEqualTo("cannot connect to mail.example.com:587: Connection refused");

        StringWriter text = new StringWriter();
        VoicemailCommand.print(both.get("mailbox"), both.get("messages"), new PrintWriter(text, true), ZoneOffset.UTC);
        assertThat(text.toString().lines()).containsExactly(
                "Mailbox 1002: no PIN, e-mail dr@praxis.ch (attach), language en (default).",
                "Messages: 1 new, 1 old, 0 saved.",
                "RECEIVED             FOLDER  FROM          DURATION  ID                            E-MAIL",
                "2026-03-02 13:05:00  old     1001 (Alice)  0:00:42   20260302T130500000Z-0000000a  sent",
                "2026-03-02 14:00:00  new     unknown       0:00:07   20260302T140000000Z-0000000b  pending: attempt 1 failed"
                        + " (cannot connect to mail.example.com:587: Connection refused), next 2026-03-02 14:02:00");
        assertThat(cli("voicemail", "list", "1002").out).startsWith("Mailbox 1002: no PIN, e-mail dr@praxis.ch (attach)");
    }

    private ServerWiring wiring() {
        return new ServerWiring(dir -> storage, NoSipService::new);
    }

    private record Run(int status, String out, String err) { }

    private Run cli(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--data");
        arguments.add(data.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var line = SwitchboardCommand.commandLine(wiring(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int status = line.execute(arguments.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }
}
