package org.switchboard.app.config;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.sip.auth.DigestAlgorithm;

/**
 * Builds the {@link SwitchboardConfig}: for each key the command-line flag wins, then
 * {@code DATA/switchboard.yaml}, then the default. A bad value is a {@link ConfigException}
 * naming where it came from ({@code --sip-port} or {@code /srv/data/switchboard.yaml: sip-port})
 * and what would be accepted.
 */
public final class ConfigLoader {

    public static final int DEFAULT_SIP_PORT = 5060;
    public static final int DEFAULT_SIPS_PORT = 5061;
    public static final int DEFAULT_HTTPS_PORT = 8443;
    public static final PortRange DEFAULT_RTP_PORTS = new PortRange(10_000, 20_000);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private final Supplier<String> hostName;

    public ConfigLoader() {
        this(ConfigLoader::systemHostName);
    }

    /** A loader whose default domain comes from {@code hostName} (tests pin it). */
    public ConfigLoader(Supplier<String> hostName) {
        this.hostName = hostName;
    }

    /**
     * Loads the configuration of {@code dataDir}.
     *
     * @param flags values given on the command line, keyed like the YAML file ({@code sip-port})
     */
    public SwitchboardConfig load(Path dataDir, Map<String, String> flags) throws ConfigException {
        Path data = dataDir.toAbsolutePath().normalize();
        Path file = data.resolve(SwitchboardConfig.FILE_NAME);
        Values values = new Values(file, YamlSettings.read(file), flags);

        InetAddress bind = values.get("bind", ConfigLoader::bindAddress).orElse(anyAddress());
        String domain = values.get("domain", ConfigLoader::domain).orElseGet(() -> defaultDomain(bind));
        int sipPort = values.get("sip-port", ConfigLoader::port).orElse(DEFAULT_SIP_PORT);
        int sipsPort = values.get("sips-port", ConfigLoader::port).orElse(DEFAULT_SIPS_PORT);
        int httpsPort = values.get("https-port", ConfigLoader::port).orElse(DEFAULT_HTTPS_PORT);
        PortRange rtpPorts = values.get("rtp-ports", PortRange::parse).orElse(DEFAULT_RTP_PORTS);
        checkPorts(values, sipPort, sipsPort, httpsPort, rtpPorts);

        SwitchboardConfig.Tls tls = new SwitchboardConfig.Tls(
                values.get("tls.certificate", text -> path(data, text)),
                values.get("tls.private-key", text -> path(data, text)));
        if (tls.certificate().isPresent() != tls.privateKey().isPresent()) {
            throw new ConfigException(file + ": tls.certificate and tls.private-key go together: set both or neither");
        }

        SwitchboardConfig.Registrar r = SwitchboardConfig.Registrar.DEFAULT;
        SwitchboardConfig.Registrar registrar = new SwitchboardConfig.Registrar(
                values.get("registrar.min-expires", positiveSeconds()).orElse(r.minExpires()),
                values.get("registrar.max-expires", positiveSeconds()).orElse(r.maxExpires()),
                values.get("registrar.default-expires", positiveSeconds()).orElse(r.defaultExpires()));
        if (registrar.minExpires().compareTo(registrar.defaultExpires()) > 0
                || registrar.defaultExpires().compareTo(registrar.maxExpires()) > 0) {
            throw new ConfigException(file + ": registrar: min-expires <= default-expires <= max-expires must hold (now "
                    + registrar.minExpires().toSeconds() + ", " + registrar.defaultExpires().toSeconds() + ", "
                    + registrar.maxExpires().toSeconds() + " s)");
        }

        SwitchboardConfig.Auth a = SwitchboardConfig.Auth.DEFAULT;
        SwitchboardConfig.Auth auth = new SwitchboardConfig.Auth(
                values.get("auth.algorithms", ConfigLoader::algorithms).orElse(a.algorithms()),
                values.get("auth.max-failures", intIn(1, 1_000_000)).orElse(a.maxFailures()),
                values.get("auth.failure-window", positiveDuration()).orElse(a.failureWindow()),
                values.get("auth.block-duration", positiveDuration()).orElse(a.blockDuration()),
                values.get("auth.nonce-lifetime", positiveDuration()).orElse(a.nonceLifetime()));

        SwitchboardConfig.TransportLimits t = SwitchboardConfig.TransportLimits.DEFAULT;
        SwitchboardConfig.TransportLimits transport = new SwitchboardConfig.TransportLimits(
                values.get("transport.max-message-size", intIn(512, 1 << 20)).orElse(t.maxMessageSize()),
                values.get("transport.max-connections", intIn(1, 1_000_000)).orElse(t.maxConnections()),
                values.get("transport.max-connections-per-address", intIn(1, 1_000_000)).orElse(t.maxConnectionsPerAddress()),
                values.get("transport.idle-timeout", positiveDuration()).orElse(t.idleTimeout()),
                values.get("transport.first-message-timeout", positiveDuration()).orElse(t.firstMessageTimeout()),
                values.get("transport.connect-timeout", positiveDuration()).orElse(t.connectTimeout()));

        SwitchboardConfig.Timers d = SwitchboardConfig.Timers.DEFAULT;
        SwitchboardConfig.Timers timers = new SwitchboardConfig.Timers(
                values.get("timers.t1", positiveDuration()).orElse(d.t1()),
                values.get("timers.t2", positiveDuration()).orElse(d.t2()),
                values.get("timers.t4", positiveDuration()).orElse(d.t4()));
        if (timers.t2().compareTo(timers.t1()) < 0) {
            throw new ConfigException(file + ": timers: t2 must be at least t1 (RFC 3261 §17.1.2.2)");
        }

        SwitchboardConfig.Calls c = SwitchboardConfig.Calls.DEFAULT;
        SwitchboardConfig.Calls calls = new SwitchboardConfig.Calls(
                values.get("calls.ring-timeout", positiveSeconds()).orElse(c.ringTimeout()),
                values.get("calls.session-expires", seconds()).orElse(c.sessionExpires()),
                values.get("calls.media-timeout", positiveSeconds()).orElse(c.mediaTimeout()));
        if (!calls.sessionExpires().isZero() && calls.sessionExpires().toSeconds() < 90) {
            throw new ConfigException(file + ": calls: session-expires is 0 (off) or at least 90 s (RFC 4028 §5)");
        }
        return new SwitchboardConfig(data, bind, domain, sipPort, sipsPort, httpsPort, rtpPorts, tls, registrar, auth,
                transport, timers, calls, MailSections.smtp(values, data, domain), MailSections.voicemail(values),
                MwiSection.mwi(values), MohSection.moh(values), RecordingSection.recording(values));
    }

    /** A parser that says in its exception message what it wants. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws IllegalArgumentException;
    }

    /** The merged raw values with where each came from, for error messages. */
    record Values(Path file, Map<String, String> yaml, Map<String, String> flags) {
        <T> Optional<T> get(String key, Parser<T> parser) throws ConfigException {
            String flag = flags.get(key);
            String text = flag != null ? flag : yaml.get(key);
            if (text == null) return Optional.empty();
            try {
                return Optional.of(parser.parse(text.strip()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source(key) + ": '" + text + "' " + e.getMessage());
            }
        }

        /** Where the value of {@code key} came from: the flag, the file, or the default. */
        String source(String key) {
            if (flags.containsKey(key)) return "--" + key;
            return yaml.containsKey(key) ? file + ": " + key : "default " + key;
        }
    }

    private static void checkPorts(Values values, int sip, int sips, int https, PortRange rtp) throws ConfigException {
        if (sip != 0 && sip == sips) {
            throw new ConfigException(values.source("sips-port") + ": " + sips + " is also the sip-port: TCP and TLS need"
                    + " different ports");
        }
        if (https != 0 && (https == sip || https == sips)) {
            throw new ConfigException(values.source("https-port") + ": " + https + " is already a SIP port: choose another");
        }
        if (rtp.contains(sip)) {
            throw new ConfigException(values.source("rtp-ports") + ": " + rtp + " contains the SIP port " + sip + " ("
                    + values.source("sip-port") + "): choose --rtp-ports or --sip-port so that they do not overlap");
        }
    }

    static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) return port;
        } catch (NumberFormatException e) {
            // fall through to the rule
        }
        throw new IllegalArgumentException("is not a port: use a number from 1 to 65535 (0 picks a free port)");
    }

    static Parser<Integer> intIn(int min, int max) {
        return text -> {
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) return value;
            } catch (NumberFormatException e) {
                // fall through to the rule
            }
            throw new IllegalArgumentException("is not allowed: use a whole number from " + min + " to " + max);
        };
    }

    static Parser<Duration> positiveDuration() {
        return text -> {
            Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofSeconds(n);
                };
                if (!d.isZero()) return d;
            }
            throw new IllegalArgumentException("is not a duration: use a positive number of seconds, or a number with"
                    + " ms, s, m or h (e.g. 500ms, 30s, 10m, 1h)");
        };
    }

    private static Parser<Duration> positiveSeconds() {
        Parser<Duration> duration = positiveDuration();
        return text -> {
            Duration d = duration.parse(text);
            if (d.toMillis() % 1000 != 0) throw new IllegalArgumentException("is not whole seconds: SIP Expires counts seconds");
            return d;
        };
    }

    /** Whole seconds, zero allowed (a feature turned off). */
    private static Parser<Duration> seconds() {
        Parser<Duration> positive = positiveSeconds();
        return text -> text.strip().equals("0") ? Duration.ZERO : positive.parse(text);
    }

    /** A comma-separated or YAML list of RFC 8760 algorithm names, in order of preference. */
    static List<DigestAlgorithm> algorithms(String text) {
        Set<DigestAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            DigestAlgorithm algorithm = name.isBlank() ? null : DigestAlgorithm.fromToken(name.strip()).orElse(null);
            if (algorithm == null || algorithm.session()) {
                throw new IllegalArgumentException("is not a list of digest algorithms: use SHA-256 and/or MD5, e.g."
                        + " [SHA-256, MD5]");
            }
            algorithms.add(algorithm);
        }
        return List.copyOf(algorithms);
    }

    static InetAddress bindAddress(String text) {
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not an IP address: use one of this machine's addresses, or 0.0.0.0 for all");
        }
        if (!address.isAnyLocalAddress() && !isLocal(address)) {
            throw new IllegalArgumentException("is not an address of this machine: use one of its addresses, or 0.0.0.0 for all");
        }
        return address;
    }

    static String domain(String text) {
        String domain = text.toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) domain = domain.substring(0, domain.length() - 1);
        if (HOST_NAME.matcher(domain).matches()) return domain;
        if (domain.startsWith("[") && domain.endsWith("]")) domain = domain.substring(1, domain.length() - 1);
        try {
            return InetAddress.ofLiteral(domain).getHostAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a domain: use a host name (letters, digits, hyphens and dots) or an"
                    + " IP address");
        }
    }

    static Path path(Path dataDir, String text) {
        if (text.isEmpty()) throw new IllegalArgumentException("is not a file: give the path of a PEM file");
        try {
            return dataDir.resolve(text).normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a file path");
        }
    }

    /** The bind address when it is a specific one, else the host name, else {@code localhost}. */
    private String defaultDomain(InetAddress bind) {
        if (!bind.isAnyLocalAddress()) return bind.getHostAddress();
        String name = hostName.get();
        if (name == null) return "localhost";
        name = name.strip().toLowerCase(Locale.ROOT);
        return HOST_NAME.matcher(name).matches() ? name : "localhost";
    }

    private static InetAddress anyAddress() {
        return InetAddress.ofLiteral("0.0.0.0");
    }

    private static boolean isLocal(InetAddress address) {
        try {
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true; // cannot tell; binding will say
        }
    }

    private static String systemHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
