package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.e2e.harness.Credentials;
import org.switchboard.e2e.harness.InjectionFile;
import org.switchboard.e2e.harness.ProcessResult;
import org.switchboard.e2e.harness.Sipp;
import org.switchboard.e2e.harness.SippResult;
import org.switchboard.e2e.harness.SwitchboardCli;
import org.switchboard.e2e.harness.SwitchboardProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The technician's command line against a running server: what it creates and changes takes effect for phones at
 * once, and what it refuses is explained, never a stack trace.
 */
class CliTest {
    /** The generated password: the last word of a line such as {@code SIP password (shown once...): Xk3...}. */
    private static final Pattern GENERATED_PASSWORD = Pattern.compile("(?im)password[^:\\n]*:\\s*(\\S{8,})\\s*$");
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path work;
    private static SwitchboardProcess server;
    private static SwitchboardCli cli;

    @BeforeAll
    static void startServer() {
        server = SwitchboardProcess.start(work.resolve("data"));
        cli = server.cli();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private static SippResult sipp(String scenario, String name, Credentials user, String sourceIp) {
        return Sipp.scenario(scenario).target("127.0.0.1", server.ports().sip())
                .users(InjectionFile.write(work.resolve(name + ".csv"), List.of(user))).local(sourceIp, 0).run();
    }

    @Test
    void addWithoutPasswordPrintsAGeneratedPasswordThatRegisters() {
        ProcessResult added = cli.run("extension", "add", "1005", "--name", "Eve");

        assertThat(added.exitCode()).as(added.describe()).isZero();
        Matcher m = GENERATED_PASSWORD.matcher(added.stdout());
        assertThat(m.find()).as("a generated password in: " + added.stdout()).isTrue();
        Credentials eve = new Credentials("1005", m.group(1));

        SippResult result = sipp("register_digest.xml", "generated", eve, "127.0.0.1");
        assertThat(result.allSucceeded(1)).as(result.describe()).isTrue();
        await().atMost(WITHIN).untilAsserted(() -> assertThat(cli.registrationsOf("1005")).hasSize(1));
    }

    @Test
    void anInvalidNumberIsRefusedWithAMessage() {
        ProcessResult added = cli.run("extension", "add", "12ab", "--name", "Bad", "--password", "SECRET123");

        assertThat(added.exitCode()).as(added.describe()).isNotZero();
        assertThat(added.stdout() + added.stderr()).contains("12ab").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.run("extension", "list", "--json").stdout()).doesNotContain("12ab");
    }

    @Test
    void aTooShortPasswordIsRefusedWithAMessage() {
        ProcessResult added = cli.run("extension", "add", "1009", "--name", "Short", "--password", "abc");

        assertThat(added.exitCode()).as(added.describe()).isNotZero();
        assertThat(added.stdout() + added.stderr()).contains("8").doesNotContain("Exception");
    }

    @Test
    void passwdReplacesThePassword() {
        Credentials old = new Credentials("1006", "Old-Pass-1006");
        cli.addExtension(old, "Frank");
        Credentials renewed = old.withPassword("New-Pass-1006");

        ProcessResult changed = cli.run("extension", "passwd", "1006", "--password", renewed.password());

        assertThat(changed.exitCode()).as(changed.describe()).isZero();
        // From 127.0.0.3: this failure counts against an address no other test uses.
        SippResult withOld = sipp("register_wrong_password.xml", "passwd-old", old, "127.0.0.3");
        assertThat(withOld.allSucceeded(1)).as("old password challenged twice: " + withOld.describe()).isTrue();
        SippResult withNew = sipp("register_digest.xml", "passwd-new", renewed, "127.0.0.1");
        assertThat(withNew.allSucceeded(1)).as("new password accepted: " + withNew.describe()).isTrue();
    }

    @Test
    void listShowsExtensionsButNeverTheirPasswords() {
        Credentials grace = new Credentials("1007", "Grace-Pass-1007");
        cli.addExtension(grace, "Grace");

        ProcessResult list = cli.run("extension", "list", "--json");

        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stdout()).contains("1007").contains("Grace").doesNotContain(grace.password());
    }

    @Test
    void removeTakesTheExtensionAway() {
        cli.addExtension(new Credentials("1008", "Henry-Pass-1008"), "Henry");

        ProcessResult removed = cli.run("extension", "remove", "1008");

        assertThat(removed.exitCode()).as(removed.describe()).isZero();
        assertThat(cli.run("extension", "list", "--json").stdout()).doesNotContain("\"1008\"").doesNotContain("Henry");
    }
}
