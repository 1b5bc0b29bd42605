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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * baresip 1.0.0, a real softphone, headless on loopback and driven through its {@code ctrl_tcp} module: JSON objects in
 * netstrings ({@code LEN:JSON,}), commands answered by token, events pushed as they happen.
 *
 * <p>Its folder is generated from {@code /baresip/config.template} and one {@code account.template} line per account.
 * baresip binds TLS on its SIP port + 1, which {@link FreePorts} keeps free. Close it before the server it registers
 * to: on {@code quit} it un-registers and waits for the answers.
 */
public final class Baresip implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ConfigTemplate CONFIG = ConfigTemplate.load("/baresip/config.template");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private final ChildProcess process;
    private final Socket control;
    private final OutputStream controlOut;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<BaresipEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final int sipPort;

    private Baresip(ChildProcess process, Socket control, int sipPort) throws IOException {
        this.process = process;
        this.control = control;
        this.controlOut = control.getOutputStream();
        this.sipPort = sipPort;
        InputStream in = new BufferedInputStream(control.getInputStream());
        Thread.ofVirtual().name("e2e-baresip-ctrl").start(() -> readMessages(in));
    }

    /**
     * Writes the configuration into {@code dir}, starts baresip and connects to its control port.
     *
     * @param caFile the certificate baresip trusts for TLS (the server's self-signed {@code tls/cert.pem}); baresip
     *               1.0.0 connects without verifying when it does not match, so this documents intent more than it
     *               enforces it
     * @param registerInterval baresip's {@code regint} in seconds (the Expires it asks for)
     */
    public static Baresip start(Path dir, List<BaresipAccount> accounts, Path caFile, int registerInterval) {
        int sipPort = FreePorts.next();
        int ctrlPort = FreePorts.next();
        int rtpFirst = FreePorts.next();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config"), CONFIG.render(Map.of("sipPort", sipPort, "ctrlPort", ctrlPort,
                    "caFile", caFile.toAbsolutePath(), "rtpFirst", rtpFirst, "rtpLast", rtpFirst + 1,
                    "dir", dir.toAbsolutePath())));
            Files.write(dir.resolve("accounts"), accounts.stream().map(a -> a.line(registerInterval)).toList());
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
            return new Baresip(process, socket, sipPort);
        } catch (IOException e) {
            process.stop(Duration.ofSeconds(2));
            throw new UncheckedIOException("cannot connect to baresip's ctrl_tcp on " + ctrlPort, e);
        }
    }

    /** baresip's SIP port (UDP and TCP; TLS is on the next one). */
    public int sipPort() {
        return sipPort;
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

    /** baresip's registration summary, one line per account ({@code OK} or {@code ERR}, colour codes removed). */
    public String reginfo() {
        return command("reginfo", null).replaceAll("\u001B\\[[;0-9]*m", "");
    }

    /** Whether reginfo shows the account registered. */
    public boolean isRegistered(BaresipAccount account) {
        return reginfo().lines().anyMatch(l -> l.contains(account.aor()) && l.contains(" OK "));
    }

    public void dial(String uri) {
        command("dial", uri);
    }

    public void hangup() {
        command("hangup", null);
    }

    /** The events received so far. */
    public List<BaresipEvent> events() {
        return List.copyOf(events);
    }

    /** Whether an event of {@code type} came (for any account). */
    public boolean hasEvent(String type) {
        return events.stream().anyMatch(e -> e.type().equals(type));
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
                    events.add(new BaresipEvent(node.path("type").asString(""),
                            node.path("accountaor").asString(""), node.path("param").asString("")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The connection ends when baresip quits; pending commands then time out with a clear message.
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
