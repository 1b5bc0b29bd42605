package org.switchboard.e2e.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.switchboard.e2e.harness.BaresipAccount.AnswerMode;
import org.switchboard.e2e.harness.audio.Pcm16;
import org.switchboard.e2e.harness.audio.WavFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * baresip 1.0.0, a real softphone, headless on loopback and driven through its {@code ctrl_tcp} module: JSON objects in
 * netstrings ({@code LEN:JSON,}), commands answered by token, events pushed as they happen.
 *
 * <p>Its folder is generated from {@code /baresip/config.template} and one {@code account.template} line per account
 * (or one {@code account-direct.template} line for a phone that registers nowhere and is dialled directly). baresip
 * binds TLS on its SIP port + 1, which {@link FreePorts} keeps free. Close it before the server it registers to: on
 * {@code quit} it un-registers and waits for the answers.
 *
 * <p>Audio: the microphone is a sine or a WAV file ({@link BaresipAudio}); the {@code sndfile} module records what
 * each call received, decoded, as {@code dump-TIME-dec.wav} in the phone's folder ({@link #awaitReceivedAudio}). The
 * file name has a resolution of one second: one call per second per phone.
 */
public final class Baresip implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ConfigTemplate CONFIG = ConfigTemplate.load("/baresip/config.template");
    private static final ConfigTemplate DIRECT_ACCOUNT = ConfigTemplate.load("/baresip/account-direct.template");
    private static final String RECEIVED_AUDIO_SUFFIX = "-dec.wav";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private final ChildProcess process;
    private final Socket control;
    private final OutputStream controlOut;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final ReentrantLock eventLock = new ReentrantLock();
    private final Condition newEvent = eventLock.newCondition();
    private final List<BaresipEvent> events = new ArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final Path dir;
    private final int sipPort;
    private final int rtpPort;
    private final String directUser;

    private Baresip(ChildProcess process, Socket control, Path dir, int sipPort, int rtpPort, String directUser)
            throws IOException {
        this.process = process;
        this.control = control;
        this.controlOut = control.getOutputStream();
        this.dir = dir;
        this.sipPort = sipPort;
        this.rtpPort = rtpPort;
        this.directUser = directUser;
        InputStream in = new BufferedInputStream(control.getInputStream());
        Thread.ofVirtual().name("e2e-baresip-ctrl").start(() -> readMessages(in));
    }

    /**
     * Writes the configuration into {@code dir}, starts baresip and connects to its control port; the microphone is a
     * 440 Hz sine.
     *
     * @param caFile the certificate baresip trusts for TLS (the server's self-signed {@code tls/cert.pem}); baresip
     *               1.0.0 connects without verifying when it does not match, so this documents intent more than it
     *               enforces it
     * @param registerInterval baresip's {@code regint} in seconds (the Expires it asks for)
     */
    public static Baresip start(Path dir, List<BaresipAccount> accounts, Path caFile, int registerInterval) {
        return start(dir, accounts, caFile, registerInterval, BaresipAudio.SINE_440);
    }

    /** As {@link #start(Path, List, Path, int)}, with {@code audio} as the microphone. */
    public static Baresip start(Path dir, List<BaresipAccount> accounts, Path caFile, int registerInterval,
            BaresipAudio audio) {
        return launch(dir, sipPort -> accounts.stream().map(a -> a.line(registerInterval)).toList(), caFile, audio,
                null, false);
    }

    /**
     * Starts a phone with baresip's {@code mwi} module (an RFC 3842 subscriber: it subscribes to
     * {@code message-summary} for each account once registered and reports each NOTIFY as an {@code MWI_NOTIFY}
     * event whose param is the body) and no account yet: add them with {@link #addAccount}. The module of baresip
     * 1.0.0 subscribes in an endless loop when an account registers before the module's first timer ran (it walks
     * its list of subscriptions while appending to it), which a fast server on loopback makes likely: hence no
     * account in the accounts file.
     */
    public static Baresip startWithMwi(Path dir, Path caFile) {
        return launch(dir, sipPort -> List.of(), caFile, BaresipAudio.SINE_440, null, true);
    }

    /** Creates and registers one more account ({@code uanew}), as if it had been in the accounts file. */
    public void addAccount(BaresipAccount account, int registerInterval) {
        command("uanew", account.line(registerInterval));
    }

    /**
     * Starts a phone that registers nowhere: user {@code user} on 127.0.0.1, dialled directly at {@link #uri()}
     * (peer to peer, RFC 3261 section 8.1 without a proxy), for checking the harness itself without a server.
     */
    public static Baresip startDirect(Path dir, String user, AnswerMode answerMode, BaresipAudio audio) {
        if (!user.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a direct baresip user is letters, digits, '.', '_' or '-': " + user);
        }
        return launch(dir, sipPort -> List.of(DIRECT_ACCOUNT.render(Map.of("user", user, "sipPort", sipPort,
                "answerMode", answerMode.parameter())).strip()), null, audio, user, false);
    }

    private static Baresip launch(Path dir, IntFunction<List<String>> accountLines, Path caFile, BaresipAudio audio,
            String directUser, boolean mwi) {
        int sipPort = FreePorts.next();
        int ctrlPort = FreePorts.next();
        int rtpFirst = FreePorts.next();
        try {
            Files.createDirectories(dir);
            Map<String, Object> values = new HashMap<>(Map.of("sipPort", sipPort, "ctrlPort", ctrlPort,
                    "rtpFirst", rtpFirst, "rtpLast", rtpFirst + 1, "dir", dir.toAbsolutePath(),
                    "audioSource", audio.source(), "sourceRate", audio.sampleRate(),
                    "sourceChannels", audio.channels()));
            // baresip refuses to start when sip_cafile names a file it cannot read.
            values.put("caFileLine", caFile == null ? "# no sip_cafile: no TLS account"
                    : "sip_cafile\t\t" + caFile.toAbsolutePath());
            values.put("mwiModuleLine", mwi ? "module_app\t\tmwi.so"
                    : "# no mwi.so: only phones started with Baresip.startWithMwi subscribe to message-summary");
            Files.writeString(dir.resolve("config"), CONFIG.render(values));
            Files.write(dir.resolve("accounts"), accountLines.apply(sipPort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baresip's configuration in " + dir, e);
        }
        ChildProcess process = ChildProcess.start("baresip-" + sipPort,
                List.of("baresip", "-f", dir.toAbsolutePath().toString(), "-4"), dir, Map.of(), MAX_LIFETIME);
        if (process.awaitLine(l -> l.contains("baresip is ready"), START_TIMEOUT).isEmpty()) {
            process.stop(Duration.ofSeconds(2));
            throw new IllegalStateException("baresip did not start; see " + process.log());
        }
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", ctrlPort), 5_000);
            return new Baresip(process, socket, dir, sipPort, rtpFirst, directUser);
        } catch (IOException e) {
            process.stop(Duration.ofSeconds(2));
            throw new UncheckedIOException("cannot connect to baresip's ctrl_tcp on " + ctrlPort, e);
        }
    }

    /** baresip's SIP port (UDP and TCP; TLS is on the next one). */
    public int sipPort() {
        return sipPort;
    }

    /** baresip's RTP port (its {@code rtp_ports} range starts there; one call uses it, RTCP the next). */
    public int rtpPort() {
        return rtpPort;
    }

    /** Where to dial a phone started with {@link #startDirect}: {@code sip:USER@127.0.0.1:PORT}. */
    public String uri() {
        if (directUser == null) {
            throw new IllegalStateException("only a phone started with startDirect is dialled at its own address");
        }
        return "sip:" + directUser + "@127.0.0.1:" + sipPort;
    }

    public Path log() {
        return process.log();
    }

    /**
     * Sends a ctrl_tcp command and waits for its answer.
     *
     * @return the answer's {@code data}
     * @throws IllegalStateException when baresip answers not-ok or not within 10 s
     */
    public String command(String command, String params) {
        String token = "t" + tokens.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("command", command).put("token", token);
        if (params != null) {
            message.put("params", params);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(token, answer);
        try {
            synchronized (controlOut) {
                controlOut.write(netstring(JSON.writeValueAsString(message)));
                controlOut.flush();
            }
            JsonNode response = answer.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String data = response.path("data").asString("");
            if (!response.path("ok").asBoolean(false)) {
                throw new IllegalStateException("baresip refused '" + command + "': " + data);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send '" + command + "' to baresip; see " + process.log(), e);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("no answer from baresip to '" + command + "'; see " + process.log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for baresip", e);
        } finally {
            pending.remove(token);
        }
    }

    /**
     * Presses keys in the current call: baresip's {@code sndcode} command sends each as RFC 4733 telephone-events
     * (section 2.5.1: a start packet with the marker bit, updates, three end packets), one after the other.
     *
     * @param keys digits, {@code *}, {@code #} or {@code A}-{@code D}
     */
    public void sendDigits(String keys) {
        if (!keys.matches("[0-9*#A-D]+")) {
            throw new IllegalArgumentException("DTMF keys are 0-9, *, # and A-D: " + keys);
        }
        command("sndcode", keys);
    }

    /** baresip's registration summary, one line per account ({@code OK} or {@code ERR}, colour codes removed). */
    public String reginfo() {
        return command("reginfo", null).replaceAll("\u001B\\[[;0-9]*m", "");
    }

    /** Whether reginfo shows the account registered. */
    public boolean isRegistered(BaresipAccount account) {
        return reginfo().lines().anyMatch(l -> l.contains(account.aor()) && l.contains(" OK "));
    }

    /** Places a call to {@code uri}; {@code CALL_RINGING}, {@code CALL_ESTABLISHED} or {@code CALL_CLOSED} follow. */
    public void dial(String uri) {
        command("dial", uri);
    }

    /** Answers the incoming call (of an account in {@link AnswerMode#MANUAL}). */
    public void accept() {
        command("accept", null);
    }

    /** Hangs up the current call: BYE when established, CANCEL while ringing out, 486 while ringing in. */
    public void hangup() {
        command("hangup", null);
    }

    /** The events received so far. */
    public List<BaresipEvent> events() {
        eventLock.lock();
        try {
            return List.copyOf(events);
        } finally {
            eventLock.unlock();
        }
    }

    /** How many events came so far: a mark for {@link #awaitEvent(String, int, Duration)}. */
    public int eventCount() {
        eventLock.lock();
        try {
            return events.size();
        } finally {
            eventLock.unlock();
        }
    }

    /** Whether an event of {@code type} came (for any account). */
    public boolean hasEvent(String type) {
        return events().stream().anyMatch(e -> e.type().equals(type));
    }

    /**
     * Waits for the first event of {@code type} since baresip started.
     *
     * @throws IllegalStateException when none came within {@code timeout}, naming the events that did come
     */
    public BaresipEvent awaitEvent(String type, Duration timeout) {
        return awaitEvent(type, 0, timeout);
    }

    /**
     * Waits for the first event of {@code type} at or after position {@code from} (an earlier {@link #eventCount()}),
     * so that a second call's events are not confused with the first one's.
     *
     * @throws IllegalStateException when none came within {@code timeout}, naming the events that did come
     */
    public BaresipEvent awaitEvent(String type, int from, Duration timeout) {
        return awaitEvent(e -> e.type().equals(type), from, timeout).orElseThrow(() -> new IllegalStateException(
                "baresip sent no " + type + " within " + timeout.toMillis() + " ms; events: "
                        + events().stream().skip(from).map(BaresipEvent::type).toList() + "; see " + process.log()));
    }

    /** Waits for the first event at or after position {@code from} that {@code matcher} accepts. */
    public Optional<BaresipEvent> awaitEvent(Predicate<BaresipEvent> matcher, int from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        eventLock.lock();
        try {
            int seen = from;
            while (true) {
                for (; seen < events.size(); seen++) {
                    if (matcher.test(events.get(seen))) {
                        return Optional.of(events.get(seen));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    return Optional.empty();
                }
                newEvent.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            eventLock.unlock();
        }
    }

    /** The recordings of received audio so far, oldest first ({@code dump-TIME-dec.wav}, one per call). */
    public List<Path> receivedAudioFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("dump-")
                    && f.getFileName().toString().endsWith(RECEIVED_AUDIO_SUFFIX))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * A mark for {@link #receivedAudio(int)}: how many recordings of received audio there are now. Take it before a
     * call starts; that call's recording is then the one at this index.
     */
    public int receivedAudioMark() {
        return receivedAudioFiles().size();
    }

    /**
     * What the call that started after {@code mark} has heard so far, decoded (baresip writes it as it plays it out,
     * so its length follows the call's time); no samples before its first packet.
     */
    public Pcm16 receivedAudio(int mark) {
        List<Path> files = receivedAudioFiles();
        if (files.size() <= mark) {
            return new Pcm16(8000, new short[0]);
        }
        try {
            return WavFile.read(files.get(mark));
        } catch (IllegalArgumentException e) {
            return new Pcm16(8000, new short[0]); // not even a header yet
        }
    }

    /**
     * Waits until {@code finder} finds something in what the call that started after {@code mark} has heard (see
     * {@link org.switchboard.e2e.harness.audio.AudioScan}), and returns it.
     *
     * @param what names the landmark in the error
     * @throws IllegalStateException when it is not found within {@code timeout}, with how much audio was heard
     */
    public <T> T awaitHeard(int mark, String what, Function<Pcm16, Optional<T>> finder, Duration timeout) {
        try {
            return await(what + " in what " + dir.getFileName() + " heard").atMost(timeout)
                    .pollInterval(Duration.ofMillis(100)).until(() -> finder.apply(receivedAudio(mark)),
                            Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("no " + what + " within " + timeout.toMillis() + " ms in the "
                    + receivedAudio(mark).duration().toMillis() + " ms of audio " + dir.getFileName() + " heard ("
                    + receivedAudioFiles() + "); see " + process.log(), e);
        }
    }

    /**
     * Waits until the newest recording of received audio holds at least {@code length} of audio: the call has been
     * hearing the other side that long (baresip writes the decoded audio as it plays it out).
     *
     * @throws IllegalStateException when it does not within {@code timeout}
     */
    public void awaitReceivedAudioLength(Duration length, Duration timeout) {
        try {
            await("at least " + length.toMillis() + " ms of received audio in " + dir).atMost(timeout)
                    .pollInterval(Duration.ofMillis(100)).until(() -> recordedLength().compareTo(length) >= 0);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("baresip recorded only " + recordedLength().toMillis() + " ms of received"
                    + " audio within " + timeout.toMillis() + " ms; see " + process.log(), e);
        }
    }

    private Duration recordedLength() {
        List<Path> files = receivedAudioFiles();
        if (files.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            WavFile.Format format = WavFile.format(files.getLast());
            long bytes = Math.max(0, Files.size(files.getLast()) - 44);
            return Duration.ofMillis(bytes * 1000 / (2L * format.channels() * format.sampleRate()));
        } catch (IOException | IllegalArgumentException e) {
            return Duration.ZERO; // not even a header yet
        }
    }

    /**
     * Waits until the newest recording of received audio is complete (baresip writes its final WAV sizes when the
     * call's audio stream ends, shortly after {@code CALL_CLOSED}) and returns it.
     *
     * @throws IllegalStateException when there is none, or it is still open after {@code timeout}
     */
    public Path awaitReceivedAudio(Duration timeout) {
        try {
            return await("complete recording of received audio in " + dir).atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .until(this::receivedAudioFiles, f -> !f.isEmpty() && WavFile.isFinalised(f.getLast()))
                    .getLast();
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("no complete recording of received audio in " + dir + " within "
                    + timeout.toMillis() + " ms (files: " + receivedAudioFiles() + "); see " + process.log(), e);
        }
    }

    /** Asks baresip to quit (it un-registers first), and kills it if it has not ended within 5 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                command("quit", null);
            } catch (RuntimeException e) {
                // Not answering any more: the stop below ends it.
            }
            process.awaitExit(Duration.ofSeconds(5));
        }
        process.stop(Duration.ofSeconds(2));
        try {
            control.close();
        } catch (IOException e) {
            // Closing a socket to a process that ended: nothing left to release.
        }
    }

    private void readMessages(InputStream in) {
        try {
            while (true) {
                byte[] message = readNetstring(in);
                if (message == null) {
                    return;
                }
                JsonNode node = JSON.readTree(message);
                if (node.path("response").asBoolean(false)) {
                    CompletableFuture<JsonNode> answer = pending.get(node.path("token").asString(""));
                    if (answer != null) {
                        answer.complete(node);
                    }
                } else if (node.path("event").asBoolean(false)) {
                    addEvent(new BaresipEvent(node.path("type").asString(""), node.path("accountaor").asString(""),
                            node.path("peeruri").asString(""), node.path("id").asString(""),
                            node.path("param").asString("")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The connection ends when baresip quits; pending commands then time out with a clear message.
        } finally {
            addEvent(null);
        }
    }

    /** Records an event and wakes the waiters; null only wakes them (the connection ended). */
    private void addEvent(BaresipEvent event) {
        eventLock.lock();
        try {
            if (event != null) {
                events.add(event);
            }
            newEvent.signalAll();
        } finally {
            eventLock.unlock();
        }
    }

    /** One netstring's payload, or null at the end of the stream. */
    static byte[] readNetstring(InputStream in) throws IOException {
        int length = 0;
        int c;
        int digits = 0;
        while ((c = in.read()) != ':') {
            if (c < 0) {
                return null;
            }
            if (c < '0' || c > '9' || ++digits > 9) {
                throw new IOException("not a netstring length: byte " + c);
            }
            length = length * 10 + (c - '0');
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length != length || in.read() != ',') {
            throw new IOException("truncated netstring");
        }
        return payload;
    }

    /** {@code payload} as a netstring: its length in bytes, ':', the bytes, ','. */
    static byte[] netstring(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write(',');
        return out.toByteArray();
    }
}
