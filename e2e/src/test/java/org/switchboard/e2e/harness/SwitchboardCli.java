package org.switchboard.e2e.harness;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.switchboard.app.ServerWiring;
import org.switchboard.app.cli.SwitchboardCommand;
import picocli.CommandLine;

/**
 * The server's command line ({@code org.switchboard.app.Main}) on one data folder, run as a child JVM with this JVM's
 * {@code java} and class path, as a technician would type it: {@code switchboard extension add 1001 ... --data DIR}.
 *
 * <p>A CLI JVM takes about 2 s to start, too slow to create a hundred extensions or to poll; {@link #runInThisJvm}
 * runs the same command line code inside the test JVM for that (setup and polling), while the tests of the CLI itself
 * use {@link #run}.
 */
public record SwitchboardCli(Path dataDir) {
    static final String MAIN_CLASS = "org.switchboard.app.Main";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The JVM command that runs {@code Main} with {@code jvmOptions}. */
    static List<String> javaCommand(List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN_CLASS);
        return cmd;
    }

    /** Runs {@code switchboard ARGS --data DIR} and waits for it (60 s at most). */
    public ProcessResult run(String... args) {
        // A short-lived JVM starts faster with the C1 compiler only and the serial collector.
        List<String> cmd = javaCommand(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        cmd.addAll(List.of(args));
        cmd.add("--data");
        cmd.add(dataDir.toAbsolutePath().toString());
        return new OneShotCommand("switchboard-cli-" + String.join("-", List.of(args).subList(0,
                Math.min(2, args.length))), cmd, dataDir.getParent(), TIMEOUT).run();
    }

    /**
     * Runs {@code switchboard ARGS --data DIR} inside this JVM (the same picocli command as {@code Main}), output
     * captured.
     */
    public ProcessResult runInThisJvm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = SwitchboardCommand.commandLine(ServerWiring.production(), System.out);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(dataDir.toAbsolutePath().toString());
        int status = line.execute(all.toArray(String[]::new));
        return new ProcessResult(status, out.toString(), err.toString());
    }

    /**
     * {@code extension add NUMBER --name NAME --password PASSWORD} (in this JVM); fails the test when the CLI refuses.
     */
    public void addExtension(Credentials user, String name) {
        ProcessResult r = runInThisJvm("extension", "add", user.user(), "--name", name, "--password",
                user.password());
        if (r.exitCode() != 0) {
            throw new IllegalStateException("extension add " + user.user() + " failed: " + r.describe());
        }
    }

    /** Adds each user as an extension, one CLI command each (there is no bulk command). */
    public void addExtensions(List<Credentials> users) {
        for (Credentials user : users) {
            addExtension(user, "User " + user.user());
        }
    }

    /** {@code registrations --json} (in this JVM), parsed; fails the test when the CLI does. */
    public List<Registration> registrations() {
        ProcessResult r = runInThisJvm("registrations", "--json");
        if (r.exitCode() != 0) {
            throw new IllegalStateException("registrations --json failed: " + r.describe());
        }
        return Registration.parseAll(r.stdout());
    }

    /** The bindings of {@code user}. */
    public List<Registration> registrationsOf(String user) {
        return registrations().stream().filter(reg -> reg.isOf(user)).toList();
    }
}
