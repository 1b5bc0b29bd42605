package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.switchboard.e2e.harness.audio.WavFile;

import static org.awaitility.Awaitility.await;

/**
 * linphonec 5.1 (package {@code linphone-cli}), the console Linphone, driven through its standard input.
 *
 * <p>It runs with {@code HOME} set to its own folder (holding {@code .local/share/linphone}, which it needs), a
 * {@code linphonerc} generated from {@code /linphone/linphonerc.template} and a debug log ({@code -d 1 -l}), where its
 * registration state changes appear ({@code LinphoneRegistrationOk}).
 *
 * <p>Calls: with the sound card set to files, {@link #play} names the WAV file sent as the microphone and
 * {@link #record} the WAV file that receives the decoded audio of the other side (both set before the call). It
 * dials ({@link #call}), answers ({@link #answer}, or {@link #autoAnswer}) and hangs up ({@link #terminate}); its
 * console prints each call state change, which {@link #awaitOutput} waits for. What it cannot do: report call events
 * in a machine-readable form (the console lines are its only interface), or hold more than the call it is told about
 * without the numbered call ids of its console.
 */
public final class Linphonec implements AutoCloseable {
    private static final ConfigTemplate CONFIG = ConfigTemplate.load("/linphone/linphonerc.template");
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private final ChildProcess process;
    private final Path logFile;
    private final int sipPort;

    private Linphonec(ChildProcess process, Path logFile, int sipPort) {
        this.process = process;
        this.logFile = logFile;
        this.sipPort = sipPort;
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
        return new Linphonec(process, logFile, sipPort);
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

    /** Its SIP port (UDP). */
    public int sipPort() {
        return sipPort;
    }

    /** Where to dial it directly, without a server: {@code sip:linphone@127.0.0.1:PORT}. */
    public String uri() {
        return "sip:linphone@127.0.0.1:" + sipPort;
    }

    /** Sets the WAV file sent as the microphone in the next calls ({@code play FILE}; 16-bit PCM, 8 kHz mono). */
    public void play(Path wav) {
        send("play " + checkedPath(wav));
    }

    /** Sets the WAV file the next call's received audio is recorded to ({@code record FILE}). */
    public void record(Path wav) {
        send("record " + checkedPath(wav));
    }

    /** Answers incoming calls by itself ({@code autoanswer enable}), or not. */
    public void autoAnswer(boolean enabled) {
        send("autoanswer " + (enabled ? "enable" : "disable"));
    }

    /** Dials {@code uri}. */
    public void call(String uri) {
        send("call " + uri);
    }

    /** Answers the ringing call. */
    public void answer() {
        send("answer");
    }

    /** Hangs up the current call. */
    public void terminate() {
        send("terminate");
    }

    /**
     * Waits for a console line (from the start on) that contains {@code text}, such as {@code "connected."},
     * {@code "Media streams established"}, {@code "ended"} or {@code "Receiving new incoming call"}.
     *
     * @throws IllegalStateException when none came within {@code timeout}
     */
    public String awaitOutput(String text, Duration timeout) {
        return process.awaitLine(l -> l.contains(text), timeout).orElseThrow(() -> new IllegalStateException(
                "linphonec printed no line with '" + text + "' within " + timeout.toMillis() + " ms; see "
                        + process.log() + " and " + logFile));
    }

    /**
     * Waits until linphonec has closed the WAV file it recorded a call to (it writes the final sizes when the call
     * ends) and returns it.
     */
    public Path awaitRecording(Path wav, Duration timeout) {
        try {
            await("linphonec's recording " + wav).atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> WavFile.isFinalised(wav));
            return wav;
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("linphonec did not complete its recording " + wav + " within "
                    + timeout.toMillis() + " ms; see " + logFile, e);
        }
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

    private static String checkedPath(Path wav) {
        String path = wav.toAbsolutePath().toString();
        if (path.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("linphonec's console cannot take a path with a space: " + path);
        }
        return path;
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
