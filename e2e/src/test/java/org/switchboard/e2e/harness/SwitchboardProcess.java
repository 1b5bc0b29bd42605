package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Switchboard server as a child JVM ({@code org.switchboard.app.Main run}) on loopback, with its data folder and
 * ports, ready when it has printed {@code Switchboard ready}; stopped with SIGTERM as an init system would.
 */
public final class SwitchboardProcess implements AutoCloseable {
    /** The SIP domain the server serves in the tests. */
    public static final String DOMAIN = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    /** The server's listening ports on 127.0.0.1. */
    public record Ports(int sip, int sips, int https) {
        /** Three free ports. */
        public static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next());
        }
    }

    private final ChildProcess process;
    private final Path dataDir;
    private final Ports ports;

    private SwitchboardProcess(ChildProcess process, Path dataDir, Ports ports) {
        this.process = process;
        this.dataDir = dataDir;
        this.ports = ports;
    }

    /**
     * Starts the server on {@code dataDir} and waits for its ready line (60 s at most).
     *
     * @param settings written to {@code DATA/switchboard.yaml} first, unless {@link ServerSettings#DEFAULTS}
     * @throws IllegalStateException when it exits or does not become ready, with the end of its output
     */
    public static SwitchboardProcess start(Path dataDir, Ports ports, ServerSettings settings) {
        try {
            Files.createDirectories(dataDir);
            if (settings.yaml() != null) {
                Files.writeString(dataDir.resolve("switchboard.yaml"), settings.yaml());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data folder " + dataDir, e);
        }
        List<String> cmd = SwitchboardCli.javaCommand(List.of("-Xmx512m"));
        cmd.addAll(List.of("run", "--data", dataDir.toAbsolutePath().toString(), "--bind", "127.0.0.1",
                "--sip-port", Integer.toString(ports.sip()), "--sips-port", Integer.toString(ports.sips()),
                "--https-port", Integer.toString(ports.https()), "--domain", DOMAIN));
        ChildProcess process = ChildProcess.start("switchboard-" + ports.sip(), cmd, dataDir.getParent(), Map.of(),
                MAX_LIFETIME);
        if (process.awaitLine(l -> l.contains("Switchboard ready"), READY_TIMEOUT).isEmpty()) {
            boolean exited = process.awaitExit(Duration.ofSeconds(1));
            process.stop(Duration.ofSeconds(5));
            String output = process.output();
            String why = exited ? "exited with status " + process.exitCode().orElse(-1) + " before it was ready"
                    : "did not print 'Switchboard ready' within " + READY_TIMEOUT.toSeconds() + " s";
            throw new IllegalStateException("Switchboard " + why + " (log " + process.log()
                    + "); its output ended with:\n" + output.substring(Math.max(0, output.length() - 4_000)));
        }
        return new SwitchboardProcess(process, dataDir, ports);
    }

    /** Starts on free ports with the server's default settings. */
    public static SwitchboardProcess start(Path dataDir) {
        return start(dataDir, Ports.free(), ServerSettings.DEFAULTS);
    }

    public Ports ports() {
        return ports;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return process.log();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The self-signed certificate the server presents on its SIPS port ({@code DATA/tls/cert.pem}). */
    public Path certificate() {
        return dataDir.resolve("tls").resolve("cert.pem");
    }

    /** The command line on this server's data folder. */
    public SwitchboardCli cli() {
        return new SwitchboardCli(dataDir);
    }

    /** Runs {@code switchboard ARGS --data DIR}. */
    public ProcessResult cli(String... args) {
        return cli().run(args);
    }

    /** The server's output so far. */
    public String output() {
        return process.output();
    }

    /** Stops the server with SIGTERM, waiting 20 s for a clean stop before killing it. */
    public void stop() {
        process.stop(STOP_GRACE);
    }

    /**
     * Kills the server with SIGKILL ({@code kill -9}): no shutdown hook, no clean stop, as a power cut or an OOM killer
     * would end it. Its data folder stays as the kill left it, for a restart on it.
     */
    public void kill() {
        process.kill();
    }

    /** The exit status once stopped. */
    public Optional<Integer> exitCode() {
        return process.exitCode();
    }

    @Override
    public void close() {
        stop();
    }
}
