package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * linphonec 5.1 (package {@code linphone-cli}), the console Linphone, driven through its standard input.
 *
 * <p>It runs with {@code HOME} set to its own folder (holding {@code .local/share/linphone}, which it needs), a
 * {@code linphonerc} generated from {@code /linphone/linphonerc.template} and a debug log ({@code -d 1 -l}), where its
 * registration state changes appear ({@code LinphoneRegistrationOk}).
 */
public final class Linphonec implements AutoCloseable {
    private static final ConfigTemplate CONFIG = ConfigTemplate.load("/linphone/linphonerc.template");
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private final ChildProcess process;
    private final Path logFile;

    private Linphonec(ChildProcess process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    /** Writes the configuration into {@code home} and starts linphonec, sound card set to files (no audio device). */
    public static Linphonec start(Path home) {
        int sipPort = FreePorts.next();
        int rtp = FreePorts.next();
        int video = FreePorts.next();
        Path rc = home.resolve("linphonerc");
        Path logFile = E2eLogs.newFile("linphonec-" + sipPort + "-debug");
        try {
            Files.createDirectories(home.resolve(".local/share/linphone"));
            Files.writeString(rc, CONFIG.render(Map.of("sipPort", sipPort, "rtpFirst", rtp, "rtpLast", rtp + 1,
                    "videoFirst", video, "videoLast", video + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write linphonec's configuration in " + home, e);
        }
        ChildProcess process = ChildProcess.start("linphonec-" + sipPort,
                List.of("linphonec", "-c", rc.toString(), "-d", "1", "-l", logFile.toString()), home,
                Map.of("HOME", home.toAbsolutePath().toString()), MAX_LIFETIME);
        process.send("soundcard use files");
        return new Linphonec(process, logFile);
    }

    /** Sends one command line, as typed at the {@code linphonec>} prompt. */
    public void send(String command) {
        process.send(command);
    }

    /**
     * Registers {@code sip:USER@domain} through the proxy {@code sip:proxyHost:proxyPort}
     * ({@code register <identity> <proxy> <password>}).
     */
    public void register(Credentials user, String domain, String proxyHost, int proxyPort) {
        send("register sip:" + user.user() + "@" + domain + " sip:" + proxyHost + ":" + proxyPort + " "
                + user.password());
    }

    /** Whether linphonec's debug log shows a registration that succeeded. */
    public boolean isRegistered() {
        return debugLog().contains("[LinphoneRegistrationOk]");
    }

    /** linphonec's debug log so far. */
    public String debugLog() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + logFile, e);
        }
    }

    public Path log() {
        return process.log();
    }

    /** Quits (linphonec un-registers first) and kills it if it has not ended within 5 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                send("quit");
            } catch (UncheckedIOException e) {
                // Standard input already closed: the stop below ends it.
            }
            process.awaitExit(Duration.ofSeconds(5));
        }
        process.stop(Duration.ofSeconds(2));
    }
}
