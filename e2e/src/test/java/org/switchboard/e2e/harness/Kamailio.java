package org.switchboard.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Kamailio 5.6 as an in-memory registrar on 127.0.0.1: the reference peer the harness and its scenarios are checked
 * against, and the side-by-side figure of the benchmarks.
 *
 * <p>The configuration is the stock {@code /etc/kamailio/kamailio.cfg} (as peers.md says) with: no aliases from DNS,
 * {@code children=2}, UDP and TCP listeners on the given port, {@code alias="127.0.0.1"} (any port, so a Request-URI
 * {@code sip:127.0.0.1} counts as local), Min-Expires 60 answered with 423 (RFC 3261 section 10.3 step 7), and, when
 * subscribers are given, digest authentication ({@code WITH_AUTH}) against a {@code db_text} subscriber table.
 */
public final class Kamailio implements AutoCloseable {
    private static final Path STOCK_CONFIG = Path.of("/etc/kamailio/kamailio.cfg");
    private static final Path DBTEXT_VERSION = Path.of("/usr/share/kamailio/dbtext/kamailio/version");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private final ChildProcess process;
    private final Path runDir;
    private final int port;

    private Kamailio(ChildProcess process, Path runDir, int port) {
        this.process = process;
        this.runDir = runDir;
        this.port = port;
    }

    /**
     * Starts Kamailio listening on 127.0.0.1:{@code port} (UDP and TCP) and waits until it accepts TCP connections.
     *
     * @param workDir an empty folder for the configuration, the subscriber table and the control sockets
     * @param subscribers the users that may register; empty for a registrar without authentication
     */
    public static Kamailio start(Path workDir, int port, List<Credentials> subscribers) {
        try {
            Path runDir = Files.createDirectories(workDir.resolve("run"));
            Path config = workDir.resolve("kamailio.cfg");
            Path dbDir = null;
            if (!subscribers.isEmpty()) {
                dbDir = Files.createDirectories(workDir.resolve("db"));
                writeSubscribers(dbDir, subscribers);
            }
            Files.writeString(config, configuration(Files.readString(STOCK_CONFIG), port, dbDir));
            ProcessResult check = new OneShotCommand("kamailio-check", List.of("kamailio", "-c", "-f",
                    config.toString()), workDir, Duration.ofSeconds(30)).run();
            if (check.exitCode() != 0) {
                throw new IllegalStateException("Kamailio rejects the generated configuration " + config + ":\n"
                        + check.describe());
            }
            ChildProcess process = ChildProcess.start("kamailio-" + port, List.of("kamailio", "-f", config.toString(),
                    "-DD", "-E", "-Y", runDir.toString(), "-P", workDir.resolve("kamailio.pid").toString()),
                    workDir, Map.of(), MAX_LIFETIME);
            Kamailio kamailio = new Kamailio(process, runDir, port);
            await("Kamailio accepting TCP on port " + port).atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("Kamailio exited; see " + process.log(), () -> !process.isAlive())
                    .until(kamailio::acceptsTcp);
            return kamailio;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kamailio in " + workDir, e);
        }
    }

    /** The stock configuration with this harness's edits; digest authentication when {@code dbDir} is not null. */
    static String configuration(String stock, int port, Path dbDir) {
        String cfg = stock;
        cfg = replaceOnce(cfg, "\nchildren=8\n", """

                children=2
                auto_aliases=no
                dns=no
                rev_dns=no
                alias="127.0.0.1"
                listen=udp:127.0.0.1:%d
                listen=tcp:127.0.0.1:%d
                """.formatted(port, port));
        cfg = replaceOnce(cfg, "modparam(\"registrar\", \"max_expires\", 3600)\n", """
                modparam("registrar", "max_expires", 3600)
                modparam("registrar", "min_expires", 60)
                modparam("registrar", "min_expires_mode", 1)
                """);
        if (dbDir != null) {
            cfg = replaceOnce(cfg, "#!KAMAILIO\n", "#!KAMAILIO\n#!define WITH_AUTH\n#!define DBURL \"text://"
                    + dbDir.toAbsolutePath() + "\"\n");
            cfg = replaceOnce(cfg, "\nloadmodule \"jsonrpcs.so\"\n", "\nloadmodule \"db_text.so\"\nloadmodule \"jsonrpcs.so\"\n");
        }
        return cfg;
    }

    /** The {@code db_text} tables auth_db reads: {@code version} and {@code subscriber} with plain passwords. */
    static void writeSubscribers(Path dbDir, List<Credentials> subscribers) throws IOException {
        Files.copy(DBTEXT_VERSION, dbDir.resolve("version"), StandardCopyOption.REPLACE_EXISTING);
        List<String> lines = new ArrayList<>(subscribers.size() + 1);
        lines.add("id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string) ");
        int id = 1;
        for (Credentials c : subscribers) {
            // ha1 and ha1b may not be empty in db_text; with calculate_ha1 they are not read.
            lines.add((id++) + ":" + c.user() + ":127.0.0.1:" + c.password().replace(":", "\\:") + ":-:-");
        }
        Files.write(dbDir.resolve("subscriber"), lines);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return process.log();
    }

    /**
     * The registrar's location table as {@code kamcmd ul.dump} prints it: the server-side view of who registered.
     */
    public String locations() {
        ProcessResult result = new OneShotCommand("kamcmd-ul-dump", List.of("kamcmd", "-s",
                "unix:" + runDir.resolve("kamailio_ctl"), "ul.dump"), runDir, Duration.ofSeconds(10)).run();
        if (result.exitCode() != 0) {
            throw new IllegalStateException("kamcmd ul.dump failed: " + result.describe());
        }
        return result.stdout();
    }

    /** The users with at least one binding, from {@link #locations()}. */
    public List<String> registeredUsers() {
        return locations().lines().map(String::strip).filter(l -> l.startsWith("AoR: "))
                .map(l -> l.substring("AoR: ".length()).strip()).toList();
    }

    /** The contacts bound to {@code user}, from {@link #locations()}. */
    public List<String> contactsOf(String user) {
        List<String> contacts = new ArrayList<>();
        boolean inUser = false;
        for (String line : locations().lines().map(String::strip).toList()) {
            if (line.startsWith("AoR: ")) {
                inUser = line.substring("AoR: ".length()).strip().equals(user);
            } else if (inUser && line.startsWith("Address: ")) {
                contacts.add(line.substring("Address: ".length()).strip());
            }
        }
        return List.copyOf(contacts);
    }

    /** Stops Kamailio (SIGTERM to the main process, which stops its children). */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }

    private boolean acceptsTcp() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0) {
            throw new IllegalStateException("the stock Kamailio configuration has changed: no '" + target.strip()
                    + "' in " + STOCK_CONFIG);
        }
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }
}
