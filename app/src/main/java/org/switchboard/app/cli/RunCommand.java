package org.switchboard.app.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.switchboard.app.Server;
import org.switchboard.app.ServerWiring;
import org.switchboard.app.StartupException;
import org.switchboard.app.config.ConfigException;
import org.switchboard.app.config.ConfigLoader;
import org.switchboard.app.config.SwitchboardConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code switchboard run}: the server in the foreground until SIGTERM or Ctrl-C. Flags beat
 * {@code DATA/switchboard.yaml}, which beats the defaults; they are taken as text so that a bad
 * value gets the same message whether it came from a flag or the file.
 */
@Command(name = "run", description = "Start the server in the foreground (Ctrl-C stops it).",
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    private final ServerWiring wiring;
    private final PrintStream console;

    @Mixin DataOption data;
    @Option(names = "--bind", paramLabel = "ADDR", description = "IP address to listen on (default: all interfaces).")
    String bind;
    @Option(names = "--domain", paramLabel = "NAME",
            description = "SIP domain and digest realm (default: the bind address if specific, else the host name).")
    String domain;
    @Option(names = "--sip-port", paramLabel = "PORT", description = "SIP over UDP and TCP (default: 5060).")
    String sipPort;
    @Option(names = "--sips-port", paramLabel = "PORT", description = "SIP over TLS (default: 5061).")
    String sipsPort;
    @Option(names = "--https-port", paramLabel = "PORT", description = "Web console and REST API (default: 8443).")
    String httpsPort;
    @Option(names = "--rtp-ports", paramLabel = "A-B", description = "UDP ports for media (default: 10000-20000).")
    String rtpPorts;

    RunCommand(ServerWiring wiring, PrintStream console) {
        this.wiring = wiring;
        this.console = console;
    }

    @Override
    public Integer call() throws ConfigException, StartupException, InterruptedException {
        SwitchboardConfig config = new ConfigLoader().load(data.path(), flags());
        Server server = Server.start(config, wiring, console, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("switchboard-shutdown").unstarted(server::close));
        server.awaitStop();
        return 0;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "bind", bind);
        put(flags, "domain", domain);
        put(flags, "sip-port", sipPort);
        put(flags, "sips-port", sipsPort);
        put(flags, "https-port", httpsPort);
        put(flags, "rtp-ports", rtpPorts);
        return flags;
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) flags.put(key, value);
    }
}
