package org.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.app.MemoryStorage;
import org.switchboard.app.NoSipService;
import org.switchboard.app.Server;
import org.switchboard.app.ServerWiring;
import org.switchboard.app.admin.AdminDirectory;
import org.switchboard.app.config.ConfigLoader;
import org.switchboard.app.config.SwitchboardConfig;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.Disposition;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.pbx.extension.ExtensionNumber;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.extension.SrtpPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI end to end against a real server in this JVM: loopback, ephemeral ports, a temporary
 * data directory, storage in memory and the SIP stub.
 */
class SwitchboardCliTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir Path data;
    private final MemoryStorage storage = new MemoryStorage();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Server server;

    @BeforeEach
    void start() throws Exception {
        server = Server.start(config(), wiring(), new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void serverPrintsWhereItListensThenReady() {
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        int port = server.httpsAddress().getPort();
        assertThat(port).isPositive();
        assertThat(lines).containsExactly(
                "SIP    (not started: no SIP service wired)",
                "HTTPS  https://127.0.0.1:" + port,
                "Domain 127.0.0.1",
                "Data   " + data.toAbsolutePath(),
                Server.READY);
    }

    @Test
    void serverPublishesAPrivateTokenAndItsEndpoint() throws Exception {
        AdminDirectory admin = new AdminDirectory(data);
        assertThat(permissions(data.resolve("admin"))).isEqualTo("rwx------");
        assertThat(permissions(admin.tokenFile())).isEqualTo("rw-------");
        assertThat(Files.readString(admin.tokenFile()).strip()).matches("[A-Za-z0-9_-]{43}");
        JsonNode endpoint = JSON.readTree(admin.endpointFile().toFile());
        assertThat(endpoint.get("url").asString()).isEqualTo("https://127.0.0.1:" + server.httpsAddress().getPort());
        assertThat(endpoint.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(endpoint.get("certificate").asString()).isEqualTo(data.resolve("tls/cert.pem").toAbsolutePath().toString());
    }

    @Test
    void addWithGeneratedPasswordThenListPasswdRemove() throws Exception {
        Run add = cli("extension", "add", "1001", "--name", "Alice");
        assertThat(add.status).isZero();
        assertThat(add.out.lines().toList()).hasSize(2).first().isEqualTo("Extension 1001 (Alice) added.");
        String password = add.out.lines().toList().get(1).replace("SIP password (shown once, store it now): ", "");
        assertThat(password).hasSize(20);
        assertThat(storage.secret("1001")).contains(SipSecret.of(password));

        Run bob = cli("extension", "add", "1002", "--name", "Bob Builder", "--password", "correct-horse");
        assertThat(bob.out).isEqualTo("Extension 1002 (Bob Builder) added.\n");

        Run json = cli("extension", "list", "--json");
        assertThat(json.status).isZero();
        JsonNode list = JSON.readTree(json.out);
        assertThat(list).hasSize(2);
        assertThat(list.get(0).propertyNames())
                .containsExactly("number", "name", "createdAt", "ringTimeoutSeconds", "effectiveRingTimeoutSeconds", "srtp",
                        "language", "mohClass", "recording");
        assertThat(list.get(0).get("number").asString()).isEqualTo("1001");
        assertThat(list.get(1).get("name").asString()).isEqualTo("Bob Builder");
        assertThat(json.out).doesNotContain(password).doesNotContain("correct-horse");

        Run table = cli("extension", "list");
        List<String> rows = table.out.lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0))
                .startsWith("NUMBER  NAME         RING            SRTP      LANGUAGE  MOH      RECORDING  CREATED");
        assertThat(rows.get(1)).startsWith("1001    Alice        30 s (default)  optional  default   default  never      20");
        assertThat(rows.get(2)).startsWith("1002    Bob Builder  30 s (default)  optional  default   default  never      20");

        Run passwd = cli("extension", "passwd", "1001");
        assertThat(passwd.out).startsWith("Password of extension 1001 changed.\nSIP password (shown once, store it now): ");
        String newPassword = passwd.out.lines().toList().get(1).replace("SIP password (shown once, store it now): ", "");
        assertThat(newPassword).isNotEqualTo(password);
        assertThat(storage.secret("1001")).contains(SipSecret.of(newPassword));

        Run chosen = cli("extension", "passwd", "1001", "--password", "another-long-one");
        assertThat(chosen.out).isEqualTo("Password of extension 1001 changed.\n");
        assertThat(storage.secret("1001")).contains(SipSecret.of("another-long-one"));

        Run remove = cli("extension", "remove", "1001");
        assertThat(remove.status).isZero();
        assertThat(remove.out).isEqualTo("Extension 1001 removed.\n");
        assertThat(JSON.readTree(cli("extension", "list", "--json").out)).hasSize(1);
    }

    @Test
    void refusalsSayWhatToFixAndExitNonZero() {
        cli("extension", "add", "1001", "--name", "Alice");

        Run duplicate = cli("extension", "add", "1001", "--name", "Again");
        assertThat(duplicate.status).isEqualTo(1);
        assertThat(duplicate.err).isEqualTo("Extension 1001 already exists: choose another number or remove the existing one first.\n");

        Run invalid = cli("extension", "add", "01", "--name", "Zero");
        assertThat(invalid.status).isEqualTo(1);
        assertThat(invalid.err).contains(ExtensionNumber.RULE);

        Run weak = cli("extension", "add", "1002", "--name", "Bob", "--password", "short");
        assertThat(weak.status).isEqualTo(1);
        assertThat(weak.err).contains("at least " + SipSecret.MIN_LENGTH + " characters");

        Run unknown = cli("extension", "remove", "4711");
        assertThat(unknown.status).isEqualTo(1);
        assertThat(unknown.err).isEqualTo("There is no extension 4711.\n");

        Run noName = cli("extension", "add", "1003");
        assertThat(noName.status).isEqualTo(2);
        assertThat(noName.err).contains("Missing required option: '--name=NAME'");
    }

    @Test
    void ringTimeoutPerExtensionIsSetShownChangedAndReset() throws Exception {
        cli("extension", "add", "1001", "--name", "Hall", "--password", "hall-password");
        Run doctor = cli("extension", "add", "1002", "--name", "Doctor", "--ring-timeout", "40");
        assertThat(doctor.status).isZero();
        assertThat(doctor.out).startsWith("Extension 1002 (Doctor) added: ring timeout 40 s.\n");

        List<String> rows = cli("extension", "list").out.lines().toList();
        assertThat(rows).containsExactly(
                rows.get(0),
                "1001    Hall    30 s (default)  optional  default   default  never      " + createdAt("1001"),
                "1002    Doctor  40 s            optional  default   default  never      " + createdAt("1002"));

        Run shorter = cli("extension", "set", "1001", "--ring-timeout", "15");
        assertThat(shorter.status).isZero();
        assertThat(shorter.out).isEqualTo("Extension 1001 (Hall) updated: ring timeout 15 s.\n");
        assertThat(storage.extensions().find("1001").orElseThrow().ringTimeout()).contains(Duration.ofSeconds(15));

        Run reset = cli("extension", "set", "1001", "--ring-timeout", "default");
        assertThat(reset.out).isEqualTo("Extension 1001 (Hall) updated: ring timeout 30 s (default).\n");
        assertThat(storage.extensions().find("1001").orElseThrow().ringTimeout()).isEmpty();

        Run renamed = cli("extension", "set", "1002", "--name", "Dr. Martin");
        assertThat(renamed.out).isEqualTo("Extension 1002 (Dr. Martin) updated: ring timeout 40 s.\n");
        Run both = cli("extension", "set", "1001", "--name", "Front hall", "--ring-timeout", "20s");
        assertThat(both.out).isEqualTo("Extension 1001 (Front hall) updated: ring timeout 20 s.\n");
        assertThat(storage.secret("1001")).as("settings never touch the password").contains(SipSecret.of("hall-password"));

        JsonNode json = JSON.readTree(cli("extension", "list", "--json").out);
        assertThat(json.get(0).get("ringTimeoutSeconds").asInt()).isEqualTo(20);
        assertThat(json.get(1).get("name").asString()).isEqualTo("Dr. Martin");
    }

    @Test
    void theSrtpPolicyIsSetAndShown() throws Exception {
        cli("extension", "add", "1001", "--name", "Hall", "--password", "hall-password");
        Run secure = cli("extension", "set", "1001", "--srtp", "required");
        assertThat(secure.status).isZero();
        assertThat(secure.out).isEqualTo("Extension 1001 (Hall) updated: ring timeout 30 s (default), SRTP required.\n");
        assertThat(storage.extensions().find("1001").orElseThrow().srtp()).isEqualTo(SrtpPolicy.REQUIRED);
        assertThat(cli("extension", "list").out.lines().toList().get(1))
                .isEqualTo("1001    Hall  30 s (default)  required  default   default  never      " + createdAt("1001"));
        assertThat(JSON.readTree(cli("extension", "list", "--json").out).get(0).get("srtp").asString()).isEqualTo("required");

        Run off = cli("extension", "set", "1001", "--srtp", "OFF");
        assertThat(off.out).endsWith("SRTP off.\n");
        Run bad = cli("extension", "set", "1001", "--srtp", "always");
        assertThat(bad.status).isEqualTo(2);
        assertThat(bad.err).isEqualTo("--srtp takes required, optional or off, got 'always': for example --srtp required\n");
        assertThat(storage.extensions().find("1001").orElseThrow().srtp()).isEqualTo(SrtpPolicy.OFF);
    }

    @Test
    void badRingTimeoutsAndEmptyChangesSayWhatToFix() {
        cli("extension", "add", "1001", "--name", "Hall");

        Run nothing = cli("extension", "set", "1001");
        assertThat(nothing.status).isEqualTo(2);
        assertThat(nothing.err).isEqualTo("Nothing to change: give --name NAME, --ring-timeout SECONDS|default,"
                + " --srtp required|optional|off, --language LANG|default, --moh CLASS|default and/or"
                + " --recording always|on-demand|never, for example ./switchboard extension set 1001 --ring-timeout 20\n");

        Run word = cli("extension", "set", "1001", "--ring-timeout", "long");
        assertThat(word.status).isEqualTo(2);
        assertThat(word.err).isEqualTo("--ring-timeout takes whole seconds (5 to 600) or 'default', got 'long':"
                + " for example --ring-timeout 20\n");
        assertThat(cli("extension", "add", "1003", "--name", "Lab", "--ring-timeout", "-5").status).isEqualTo(2);

        Run tooShort = cli("extension", "set", "1001", "--ring-timeout", "3");
        assertThat(tooShort.status).isEqualTo(1);
        assertThat(tooShort.err).isEqualTo("Ring timeout must be 5 to 600 seconds, got 3.\n");

        Run tooLong = cli("extension", "add", "1002", "--name", "Bob", "--ring-timeout", "601");
        assertThat(tooLong.status).isEqualTo(1);
        assertThat(tooLong.err).isEqualTo("Ring timeout must be 5 to 600 seconds, got 601.\n");
        assertThat(storage.extensions().find("1002")).isEmpty();

        Run unknown = cli("extension", "set", "4711", "--name", "Nobody");
        assertThat(unknown.status).isEqualTo(1);
        assertThat(unknown.err).isEqualTo("There is no extension 4711.\n");

        Run invalid = cli("extension", "set", "01", "--ring-timeout", "20");
        assertThat(invalid.status).isEqualTo(1);
        assertThat(invalid.err).contains(ExtensionNumber.RULE);
        assertThat(storage.extensions().find("1001").orElseThrow().ringTimeout()).isEqualTo(Optional.empty());
    }

    @Test
    void theDefaultShownIsTheServersConfiguredRingTimeout() throws Exception {
        server.close();
        Files.writeString(data.resolve("switchboard.yaml"), "calls:\n  ring-timeout: 45s\n");
        server = Server.start(config(), wiring(), new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC());
        cli("extension", "add", "1001", "--name", "Hall");

        assertThat(cli("extension", "list").out.lines().toList().get(1)).startsWith("1001    Hall  45 s (default)  ");
        JsonNode hall = JSON.readTree(cli("extension", "list", "--json").out).get(0);
        assertThat(hall.get("ringTimeoutSeconds").isNull()).isTrue();
        assertThat(hall.get("effectiveRingTimeoutSeconds").asInt()).isEqualTo(45);
    }

    private String createdAt(String number) {
        return storage.extensions().find(number).orElseThrow().createdAt().toString();
    }

    @Test
    void registrationsAreEmptyWithoutSip() throws Exception {
        Run json = cli("registrations", "--json");
        assertThat(json.status).isZero();
        assertThat(JSON.readTree(json.out).isArray()).isTrue();
        assertThat(JSON.readTree(json.out)).isEmpty();

        assertThat(cli("registrations").out).isEqualTo("No devices are registered.\n");
    }

    @Test
    void callsAndCallRecordsWithoutSipAreEmpty() throws Exception {
        Run calls = cli("calls", "--json");
        assertThat(calls.status).isZero();
        assertThat(JSON.readTree(calls.out).isArray()).isTrue();
        assertThat(JSON.readTree(calls.out)).isEmpty();
        assertThat(cli("calls").out).isEqualTo("No calls are up.\n");

        Run cdr = cli("cdr", "--json");
        assertThat(cdr.status).isZero();
        assertThat(JSON.readTree(cdr.out)).isEmpty();
        assertThat(cli("cdr").out).isEqualTo("No call records yet.\n");
    }

    @Test
    void cdrShowsTheStoredRecordsNewestFirst() throws Exception {
        Instant start = Instant.parse("2026-03-01T09:00:00Z");
        storage.callRecords().insert(CallRecord.started("old", "1001", "Alice", "1002", start, List.of("old-a"))
                .completed(start.plusSeconds(20), Disposition.BUSY, HangupCause.USER_BUSY, HangupSide.CALLEE));
        storage.callRecords().insert(CallRecord.started("new", "1002", "Bob", "1001", start.plusSeconds(60),
                List.of("new-a")).answered(start.plusSeconds(62))
                .completed(start.plusSeconds(92), Disposition.ANSWERED, HangupCause.NORMAL_CLEARING, HangupSide.CALLER));

        JsonNode one = JSON.readTree(cli("cdr", "--json", "--limit", "1").out);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("id").asString()).isEqualTo("new");
        assertThat(one.get(0).get("billableSeconds").asLong()).isEqualTo(30);

        List<String> rows = cli("cdr").out.lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("1002 (Bob)").contains("ANSWERED").contains("0:00:32").contains("0:00:30");
        assertThat(rows.get(2)).contains("1001 (Alice)").contains("BUSY").contains("USER_BUSY").contains("CALLEE");
    }

    @Test
    void aStartCompletesTheRecordsTheLastRunLeftOpen() throws Exception {
        server.close();
        Instant start = Instant.parse("2026-03-01T09:00:00Z");
        storage.callRecords().insert(CallRecord.started("crashed", "1001", "Alice", "1002", start, List.of("crashed-a"))
                .answered(start.plusSeconds(2)));
        server = Server.start(config(), wiring(), new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC());

        JsonNode record = JSON.readTree(cli("cdr", "--json").out).get(0);
        assertThat(record.get("id").asString()).isEqualTo("crashed");
        assertThat(record.get("cause").asString()).isEqualTo("INTERRUPTED");
        assertThat(record.get("disposition").asString()).isEqualTo("ANSWERED");
        assertThat(record.get("hangupSide").asString()).isEqualTo("SYSTEM");
        assertThat(record.get("endedAt").isNull()).isFalse();
    }

    @Test
    void aBadCdrLimitSaysWhatToFix() {
        Run zero = cli("cdr", "--limit", "0");
        assertThat(zero.status).isEqualTo(2);
        assertThat(zero.err).isEqualTo("--limit must be from 1 to 10000, got 0: for example --limit 100\n");

        Run tooMany = cli("cdr", "--limit", "10001");
        assertThat(tooMany.status).isEqualTo(2);
        assertThat(tooMany.err).contains("from 1 to 10000");

        Run word = cli("cdr", "--limit", "ten");
        assertThat(word.status).isEqualTo(2);
        assertThat(word.err).contains("--limit").contains("'ten'").doesNotContain("Exception");
    }

    @Test
    void noServerRunningIsExplained() throws Exception {
        server.close();

        assertThat(new AdminDirectory(data).endpointFile()).doesNotExist();
        assertThat(storage.closed()).isTrue();
        Path dir = data.toAbsolutePath();
        for (String[] command : List.of(new String[] {"extension", "list"}, new String[] {"registrations", "--json"},
                new String[] {"calls"}, new String[] {"cdr", "--json"})) {
            Run run = cli(command);
            assertThat(run.status).isEqualTo(1);
            assertThat(run.err).isEqualTo("No Switchboard server is running with data directory " + dir
                    + ": start it with ./switchboard run --data " + dir + "\n");
        }
    }

    @Test
    void aCrashedServersLeftoverEndpointIsNotTrusted() throws Exception {
        Path endpoint = new AdminDirectory(data).endpointFile();
        String content = Files.readString(endpoint);
        server.close();
        Files.writeString(endpoint, content.replaceAll("\"pid\" : \\d+", "\"pid\" : 2147483647"));

        assertThat(cli("extension", "list").err).startsWith("No Switchboard server is running");
    }

    @Test
    void theCliTrustsOnlyTheCertificateOfItsDataDirectory() throws Exception {
        var other = org.switchboard.app.tls.TestCertificates.selfSigned("intruder.example.com");
        Files.writeString(data.resolve("tls/cert.pem"), other);

        Run run = cli("extension", "list");

        assertThat(run.status).isEqualTo(1);
        assertThat(run.err).contains("did not present the certificate in " + data.resolve("tls/cert.pem").toAbsolutePath());
    }

    @Test
    void aStaleTokenIsExplained() throws Exception {
        Files.writeString(new AdminDirectory(data).tokenFile(), "c3RhbGUtdG9rZW4tZnJvbS1hbm90aGVyLXN0YXJ0\n");

        Run run = cli("extension", "list");

        assertThat(run.status).isEqualTo(1);
        assertThat(run.err).contains("did not accept the admin token");
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused() throws Exception {
        var refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                Server.start(config(), wiring(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        Clock.systemUTC()));
        assertThat(refused).hasMessage("Another Switchboard server (pid " + ProcessHandle.current().pid()
                + ") is already running with data directory " + data.toAbsolutePath()
                + ": stop it first, or start this one with another --data");
        assertThat(new AdminDirectory(data).endpointFile()).exists();
        assertThat(cli("extension", "list").status).isZero();
    }

    @Test
    void runRefusesBadFlagsWithStatus2() {
        Run run = cli("run", "--sip-port", "banana");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).isEqualTo("Configuration error: --sip-port: 'banana' is not a port: use a number from 1 to"
                + " 65535 (0 picks a free port)\n");
    }

    @Test
    void noCommandPrintsUsage() {
        Run run = cli();
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("Usage: switchboard").contains("extension").contains("registrations").contains("run")
                .contains("calls").contains("cdr");
    }

    private SwitchboardConfig config() throws Exception {
        return new ConfigLoader(() -> "testhost").load(data,
                Map.of("bind", "127.0.0.1", "sip-port", "0", "sips-port", "0", "https-port", "0"));
    }

    private ServerWiring wiring() {
        return new ServerWiring(dir -> storage, NoSipService::new);
    }

    private record Run(int status, String out, String err) { }

    /** Runs the CLI in this JVM with {@code --data} pointing at the test's data directory. */
    private Run cli(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        if (!arguments.isEmpty()) {
            arguments.add("--data");
            arguments.add(data.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var line = SwitchboardCommand.commandLine(wiring(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int status = line.execute(arguments.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
