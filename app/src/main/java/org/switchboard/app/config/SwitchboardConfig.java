package org.switchboard.app.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.app.mail.SmtpSettings;
import org.switchboard.pbx.recording.RecordingSettings;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.sip.auth.DigestAlgorithm;

/**
 * Everything the server is configured with, after defaults, {@code DATA/switchboard.yaml} and
 * flags were merged (flag beats YAML beats default) and checked. Immutable; each section is
 * the settings of one subsystem. Every key and its default is documented in
 * {@code docs/configuration.md}.
 *
 * @param dataDir   absolute data directory ({@code --data}, default {@code ./data})
 * @param bind      address every listener binds ({@code bind}, default {@code 0.0.0.0})
 * @param domain    SIP domain and digest realm ({@code domain})
 * @param sipPort   SIP over UDP and TCP ({@code sip-port}, default 5060; 0 picks a free port)
 * @param sipsPort  SIP over TLS ({@code sips-port}, default 5061)
 * @param httpsPort console and REST API ({@code https-port}, default 8443)
 * @param rtpPorts  UDP ports for media ({@code rtp-ports}, default 10000-20000)
 * @param smtp      the mail server of voicemail to e-mail ({@code smtp:})
 * @param voicemail voicemail limits and e-mail retries ({@code voicemail:})
 * @param mwi       message waiting indication ({@code mwi:})
 * @param moh       music on hold ({@code moh:})
 * @param recording call recording: retention and announcement ({@code recording:})
 */
public record SwitchboardConfig(Path dataDir, InetAddress bind, String domain, int sipPort, int sipsPort,
                                int httpsPort, PortRange rtpPorts, Tls tls, Registrar registrar, Auth auth,
                                TransportLimits transport, Timers timers, Calls calls, SmtpSettings smtp,
                                VoicemailSettings voicemail, Mwi mwi, Moh moh, RecordingSettings recording) {

    public static final String FILE_NAME = "switchboard.yaml";

    public SwitchboardConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(rtpPorts, "rtpPorts");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(voicemail, "voicemail");
        Objects.requireNonNull(mwi, "mwi");
        Objects.requireNonNull(moh, "moh");
        Objects.requireNonNull(recording, "recording");
    }

    /**
     * Music on hold: the class a held party hears ({@code moh.default-class}, {@code default}: the
     * bundled music, or the files of {@code DATA/moh/default/} when there are any).
     */
    public record Moh(String defaultClass) {
        public static final Moh DEFAULT = new Moh("default");

        public Moh {
            Objects.requireNonNull(defaultClass, "defaultClass");
        }
    }

    /**
     * Message waiting indication (RFC 3842): subscriptions last at most {@code maxExpires}
     * ({@code mwi.max-expires}, 3600 s); phones that do not subscribe get unsolicited NOTIFYs
     * unless {@code unsolicited} is false ({@code mwi.unsolicited}, true).
     */
    public record Mwi(boolean unsolicited, Duration maxExpires) {
        public static final Mwi DEFAULT = new Mwi(true, Duration.ofSeconds(3600));

        public Mwi {
            Objects.requireNonNull(maxExpires, "maxExpires");
        }
    }

    /**
     * Calls between extensions.
     *
     * @param ringTimeout    how long phones ring before the caller hears 480 ({@code calls.ring-timeout}, 30 s)
     * @param sessionExpires RFC 4028 session interval, 0 for none ({@code calls.session-expires}, 1800 s)
     * @param mediaTimeout   a call without RTP this long ends ({@code calls.media-timeout}, 30 s)
     */
    public record Calls(Duration ringTimeout, Duration sessionExpires, Duration mediaTimeout) {
        public static final Calls DEFAULT = new Calls(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(30));

        public Calls {
            Objects.requireNonNull(ringTimeout, "ringTimeout");
            Objects.requireNonNull(sessionExpires, "sessionExpires");
            Objects.requireNonNull(mediaTimeout, "mediaTimeout");
        }
    }

    /** True when {@link #bind} is the wildcard address (every interface). */
    public boolean bindsAllInterfaces() {
        return bind.isAnyLocalAddress();
    }

    /**
     * The administrator's own certificate chain and private key (PEM); when neither is set
     * the server uses, or generates on first start, {@code DATA/tls/cert.pem} and {@code key.pem}.
     */
    public record Tls(Optional<Path> certificate, Optional<Path> privateKey) {
        public static final Tls DEFAULT = new Tls(Optional.empty(), Optional.empty());
    }

    /**
     * Bounds on registration lifetimes (RFC 3261 §10.3 steps 7-8): a shorter request gets
     * 423 Interval Too Brief with Min-Expires, a longer one is cut to the maximum, a request
     * without Expires gets the default.
     */
    public record Registrar(Duration minExpires, Duration maxExpires, Duration defaultExpires) {
        public static final Registrar DEFAULT =
                new Registrar(Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(3600));
    }

    /**
     * Digest authentication (RFC 3261 §22, RFC 7616, RFC 8760): the algorithms offered, one
     * challenge each in this order of preference; and brute-force defence: a source address with
     * {@code maxFailures} failed attempts within {@code failureWindow} is refused for
     * {@code blockDuration}. Nonces are accepted for {@code nonceLifetime}.
     *
     * <p>MD5 alone by default: SHA-256 is supported, but common clients (baresip 1.0, SIPp 3.6,
     * older desk phones) fail a registration as soon as a SHA-256 challenge is offered, and a
     * PBX that phones cannot register to protects nothing. Generated SIP passwords are 20
     * random characters, which keeps MD5 digest out of reach of offline guessing.
     */
    public record Auth(List<DigestAlgorithm> algorithms, int maxFailures, Duration failureWindow, Duration blockDuration,
                       Duration nonceLifetime) {
        public static final Auth DEFAULT = new Auth(List.of(DigestAlgorithm.MD5),
                10, Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofSeconds(300));

        public Auth {
            algorithms = List.copyOf(algorithms);
            if (algorithms.isEmpty()) throw new IllegalArgumentException("at least one digest algorithm");
        }
    }

    /**
     * Limits of the SIP transports (RFC 3261 §18): message size, connection caps (so one host
     * cannot take every file descriptor) and connection timeouts.
     */
    public record TransportLimits(int maxMessageSize, int maxConnections, int maxConnectionsPerAddress,
                                  Duration idleTimeout, Duration firstMessageTimeout, Duration connectTimeout) {
        public static final TransportLimits DEFAULT = new TransportLimits(65_535, 10_000, 32,
                Duration.ofSeconds(3900), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** The RFC 3261 §17 base timers: T1 (RTT estimate), T2 (retransmit cap), T4 (network lifetime). */
    public record Timers(Duration t1, Duration t2, Duration t4) {
        public static final Timers DEFAULT = new Timers(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }
}
