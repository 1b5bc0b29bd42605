package org.switchboard.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.app.MemoryStorage;
import org.switchboard.app.NoSipService;
import org.switchboard.app.Server;
import org.switchboard.app.ServerWiring;
import org.switchboard.app.config.ConfigLoader;

/**
 * A real server in this JVM for tests of a CLI command (loopback, ephemeral ports, the test's
 * data directory, storage in memory, the SIP stub), and {@link #cli} to run the command line
 * against it as an administrator would, with {@code --data} pointing at the same directory.
 */
final class CliRig implements AutoCloseable {

    /** How a run of the CLI ended: its exit status and what it printed. */
    record Run(int status, String out, String err) { }

    private final Path data;
    private final ServerWiring wiring;
    private final Server server;

    private CliRig(Path data, ServerWiring wiring, Server server) {
        this.data = data;
        this.wiring = wiring;
        this.server = server;
    }

    /** Starts a server on {@code data} that keeps everything in {@code storage}. */
    static CliRig start(Path data, MemoryStorage storage) throws Exception {
        ServerWiring wiring = new ServerWiring(dir -> storage, NoSipService::new);
        Server server = Server.start(new ConfigLoader(() -> "testhost").load(data,
                        Map.of("bind", "127.0.0.1", "sip-port", "0", "sips-port", "0", "https-port", "0")),
                wiring, silent(), Clock.systemUTC());
        return new CliRig(data, wiring, server);
    }

    /** Runs {@code switchboard ARGS --data DATA} in this JVM, the server running or not. */
    Run cli(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--data");
        arguments.add(data.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var line = SwitchboardCommand.commandLine(wiring, silent());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int status = line.execute(arguments.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    /** Stops the server; a {@link #cli} run then finds none. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    private static PrintStream silent() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
