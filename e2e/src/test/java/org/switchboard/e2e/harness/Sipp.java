package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * One run of SIPp (package {@code sip-tester}, 3.6.1) with a scenario of {@code src/test/resources/sipp}: an immutable
 * description, built with the {@code with...} methods, and {@link #run()} which blocks until SIPp ends.
 *
 * <pre>{@code
 * SippResult r = Sipp.scenario("register_digest.xml").target("127.0.0.1", port).transport(Transport.TCP)
 *         .users(injectionFile).calls(100).rate(50).run();
 * }</pre>
 *
 * <p>SIPp runs with {@code -nd} (no default behaviours: a failed call sends nothing more, not even a BYE) and a global
 * {@code -timeout} with {@code -timeout_error}; the harness kills it 15 s after that. Statistics, errors, screens and,
 * for runs of at most {@value #MAX_TRACED_CALLS} calls, every message are written to {@code target/e2e-logs}.
 *
 * @param scenario the scenario file
 * @param remoteHost where requests go
 * @param remotePort the remote SIP port
 * @param transport UDP or TCP ({@code -t u1} or {@code -t t1})
 * @param injection the {@code -inf} file, or null
 * @param calls how many calls ({@code -m})
 * @param rate new calls per second ({@code -r})
 * @param localIp SIPp's own address ({@code -i}); another 127.0.0.x gives another source address
 * @param localPort SIPp's own port ({@code -p}), 0 for any
 * @param keys values for {@code [name]} keywords ({@code -key name value})
 * @param timeout SIPp's global timeout
 * @param variables values of the scenario's global variables ({@code -set name value}), such as {@code direct}
 * @param authUri the digest-uri SIPp answers challenges with ({@code -auth_uri}, without {@code sip:}), or null for
 *                SIPp's default {@code sip:REMOTE_IP:REMOTE_PORT}, which is right for REGISTER only: an INVITE's
 *                digest-uri must be its Request-URI (RFC 3261 section 22.4)
 */
public record Sipp(Path scenario, String remoteHost, int remotePort, Transport transport, Path injection, int calls,
        int rate, String localIp, int localPort, Map<String, String> keys, Duration timeout,
        Map<String, String> variables, String authUri) {

    static final int MAX_TRACED_CALLS = 200;
    private static final Duration KILL_MARGIN = Duration.ofSeconds(15);
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(10);

    public Sipp {
        keys = Map.copyOf(keys);
        variables = Map.copyOf(variables);
    }

    /** A run of the scenario named {@code file} in the test resources' {@code sipp} folder: 1 call over UDP. */
    public static Sipp scenario(String file) {
        return new Sipp(resource("/sipp/" + file), "127.0.0.1", 5060, Transport.UDP, null, 1, 10, "127.0.0.1", 0,
                Map.of("expires", "3600"), Duration.ofSeconds(60), Map.of(), null);
    }

    /** The path of a scenario of the test resources' {@code sipp} folder. */
    public static Path resource(String name) {
        URL url = Sipp.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("test resource " + name + " is not a file: " + url, e);
        }
    }

    public Sipp target(String host, int port) {
        return new Sipp(scenario, host, port, transport, injection, calls, rate, localIp, localPort, keys, timeout, variables, authUri);
    }

    public Sipp transport(Transport newTransport) {
        newTransport.sippMode();
        return new Sipp(scenario, remoteHost, remotePort, newTransport, injection, calls, rate, localIp, localPort, keys,
                timeout, variables, authUri);
    }

    public Sipp users(Path injectionFile) {
        return new Sipp(scenario, remoteHost, remotePort, transport, injectionFile, calls, rate, localIp, localPort,
                keys, timeout, variables, authUri);
    }

    public Sipp calls(int count) {
        return new Sipp(scenario, remoteHost, remotePort, transport, injection, count, rate, localIp, localPort, keys,
                timeout, variables, authUri);
    }

    public Sipp rate(int callsPerSecond) {
        return new Sipp(scenario, remoteHost, remotePort, transport, injection, calls, callsPerSecond, localIp,
                localPort, keys, timeout, variables, authUri);
    }

    /** SIPp's own address and port (port 0: any free one). */
    public Sipp local(String ip, int port) {
        return new Sipp(scenario, remoteHost, remotePort, transport, injection, calls, rate, ip, port, keys, timeout, variables, authUri);
    }

    /** Sets the value of the scenario keyword {@code [name]}. */
    public Sipp key(String name, String value) {
        Map<String, String> newKeys = new LinkedHashMap<>(keys);
        newKeys.put(name, value);
        return new Sipp(scenario, remoteHost, remotePort, transport, injection, calls, rate, localIp, localPort,
                newKeys, timeout, variables, authUri);
    }

    public Sipp timeout(Duration newTimeout) {
        return new Sipp(scenario, remoteHost, remotePort, transport, injection, calls, rate, localIp, localPort, keys,
                newTimeout, variables, authUri);
    }

    /** Sets the scenario's global variable {@code name} ({@code -set}; the scenario declares it {@code Global}). */
    public Sipp variable(String name, String value) {
        Map<String, String> newVariables = new LinkedHashMap<>(variables);
        newVariables.put(name, value);
        return new Sipp(scenario, remoteHost, remotePort, transport, injection, calls, rate, localIp, localPort, keys,
                timeout, newVariables, authUri);
    }

    /** The digest-uri for challenges, as {@code USER@HOST:PORT} ({@code -auth_uri}; SIPp puts {@code sip:} first). */
    public Sipp authUri(String uri) {
        return new Sipp(scenario, remoteHost, remotePort, transport, injection, calls, rate, localIp, localPort, keys,
                timeout, variables, uri);
    }

    /** The command line SIPp runs with, its trace files named after {@code logPrefix}. */
    public List<String> commandLine(Path logPrefix) {
        List<String> cmd = new ArrayList<>(List.of("sipp", remoteHost + ":" + remotePort,
                "-sf", scenario.toString(),
                "-t", transport.sippMode(),
                "-m", Integer.toString(calls),
                "-r", Integer.toString(rate),
                "-i", localIp, "-ci", localIp,
                "-nostdin", "-nd",
                "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                "-trace_stat", "-stf", logPrefix + "-stat.csv",
                "-trace_err", "-error_file", logPrefix + "-errors.log",
                "-trace_screen", "-screen_file", logPrefix + "-screen.log"));
        if (calls <= MAX_TRACED_CALLS) {
            cmd.addAll(List.of("-trace_msg", "-message_file", logPrefix + "-messages.log"));
        }
        if (localPort != 0) {
            cmd.addAll(List.of("-p", Integer.toString(localPort)));
        }
        if (injection != null) {
            cmd.addAll(List.of("-inf", injection.toString()));
        }
        keys.forEach((name, value) -> cmd.addAll(List.of("-key", name, value)));
        variables.forEach((name, value) -> cmd.addAll(List.of("-set", name, value)));
        if (authUri != null) {
            cmd.addAll(List.of("-auth_uri", authUri));
        }
        return cmd;
    }

    /** Runs SIPp to its end and reads its final statistics. */
    public SippResult run() {
        String name = "sipp-" + scenario.getFileName().toString().replace(".xml", "") + "-"
                + transport.uriParameter();
        Path prefixFile = E2eLogs.newFile(name);
        Path prefix = prefixFile.resolveSibling(prefixFile.getFileName().toString().replace(".log", ""));
        ProcessResult result = new OneShotCommand(name, commandLine(prefix), E2eLogs.directory(),
                timeout.plus(KILL_MARGIN)).run();
        Path stat = Path.of(prefix + "-stat.csv");
        long[] counts = finalCounts(stat);
        return new SippResult(result.exitCode(), counts[0], counts[1], stat, Path.of(prefix + "-errors.log"),
                result.stdout() + result.stderr());
    }

    /**
     * Starts SIPp in the background, for a scenario that waits for calls (a UAS), and returns once it listens on
     * its {@link #localPort()}.
     *
     * @throws IllegalStateException when no local port was set, or SIPp does not listen within 10 s
     */
    public RunningSipp start() {
        if (localPort == 0) {
            throw new IllegalStateException("a SIPp that waits for calls needs a known local port: use local(ip, port)");
        }
        CompletableFuture<SippResult> result = new CompletableFuture<>();
        Thread.ofVirtual().name("e2e-" + scenario.getFileName()).start(() -> {
            try {
                result.complete(run());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            await("SIPp " + scenario.getFileName() + " listening on " + localIp + ":" + localPort)
                    .atMost(LISTEN_TIMEOUT).pollInterval(Duration.ofMillis(20))
                    .until(() -> result.isDone() || ListeningSockets.isListening(transport, localIp, localPort));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("SIPp " + scenario.getFileName() + " did not listen on " + localPort
                    + " within " + LISTEN_TIMEOUT.toSeconds() + " s", e);
        }
        if (result.isDone()) {
            throw new IllegalStateException("SIPp " + scenario.getFileName() + " ended before it listened: "
                    + result.join().describe());
        }
        return new RunningSipp(this, result);
    }

    /** SuccessfulCall(C) and FailedCall(C) of the last line of SIPp's statistics CSV; zeros when there is none. */
    static long[] finalCounts(Path statCsv) {
        try {
            if (!Files.exists(statCsv)) {
                return new long[] {0, 0};
            }
            List<String> lines = Files.readAllLines(statCsv).stream().filter(l -> !l.isBlank()).toList();
            if (lines.size() < 2) {
                return new long[] {0, 0};
            }
            List<String> header = List.of(lines.getFirst().split(";", -1));
            String[] last = lines.getLast().split(";", -1);
            return new long[] {column(header, last, "SuccessfulCall(C)"), column(header, last, "FailedCall(C)")};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SIPp statistics " + statCsv, e);
        }
    }

    private static long column(List<String> header, String[] row, String name) {
        int index = header.indexOf(name);
        if (index < 0 || index >= row.length) {
            throw new IllegalStateException("SIPp statistics have no column " + name);
        }
        return Long.parseLong(row[index].trim());
    }
}
