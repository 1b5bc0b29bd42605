package org.switchboard.app.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.app.SipService;
import org.switchboard.app.config.SwitchboardConfig;
import org.switchboard.net.sip.SipTransportConfig;
import org.switchboard.net.sip.SipTransports;
import org.switchboard.net.sip.TlsIdentity;
import org.switchboard.net.time.WheelScheduler;
import org.switchboard.media.codec.Codecs;
import org.switchboard.media.codec.opus.OpusCodec;
import org.switchboard.media.relay.MediaConfig;
import org.switchboard.net.rtp.NettyMediaEndpoints;
import org.switchboard.net.rtp.RtpConfig;
import org.switchboard.pbx.b2bua.B2bua;
import org.switchboard.pbx.b2bua.CallRecordingFeature;
import org.switchboard.pbx.prompt.PromptLibrary;
import org.switchboard.pbx.b2bua.B2buaSettings;
import org.switchboard.pbx.b2bua.RecordSink;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.call.CallRecorder;
import org.switchboard.pbx.extension.ExtensionDirectory;
import org.switchboard.pbx.moh.MusicOnHold;
import org.switchboard.pbx.mwi.MwiNotifier;
import org.switchboard.pbx.mwi.MwiSettings;
import org.switchboard.pbx.registrar.CredentialCache;
import org.switchboard.pbx.registrar.Location;
import org.switchboard.pbx.registrar.Registrar;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.pbx.security.AuthFailureGuard;
import org.switchboard.pbx.security.AuthFailurePolicy;
import org.switchboard.pbx.security.SecurityLog;
import org.switchboard.pbx.signalling.RequestDispatcher;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.NonceService;
import org.switchboard.sip.transaction.SentBy;
import org.switchboard.sip.transaction.SipStack;
import org.switchboard.sip.transaction.SipStackSettings;
import org.switchboard.sip.transaction.TimerSettings;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/**
 * The production {@link SipService}: Netty transports feed the SIP stack, whose transaction
 * user is the {@link RequestDispatcher} in front of the registrar, the B2BUA and the message-waiting
 * notifier ({@link MwiNotifier}: SUBSCRIBE, and unsolicited NOTIFYs to phones as they register). Bindings are
 * restored from storage at start and written behind while serving; an expiry sweep runs every
 * second. Calls get their media from the RTP relay on {@code rtp-ports}; at stop, live calls
 * are ended with BYE (their records completed) before the transports close.
 */
public final class StackSipService implements SipService {
    private static final Logger LOG = LoggerFactory.getLogger(StackSipService.class);
    private static final String SERVER_HEADER = "Switchboard";
    /** How many addresses the auth-failure guard tracks at most (memory bound under a scan). */
    private static final int MAX_TRACKED_ADDRESSES = 100_000;
    /** How long a stop waits for live calls to end after their BYE. */
    private static final Duration CALL_SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final List<AutoCloseable> resources = new ArrayList<>();

    @Override
    public Bound start(Context context) throws IOException {
        SwitchboardConfig config = context.config();
        Clock clock = context.clock();

        Location location = Location.restore(context.storage().bindings(), clock, clock.instant());
        resources.add(location);
        CredentialCache credentials = new CredentialCache(context.storage().extensions()::secret, clock);
        ExtensionDirectory directory = ExtensionDirectory.load(context.storage().extensions());
        MwiNotifier[] mwiHolder = new MwiNotifier[1];
        context.extensions().addListener(number -> {
            credentials.invalidate(number);
            directory.refresh(number);
            if (context.storage().extensions().find(number).isEmpty()) {
                location.removeAll(number);
                if (mwiHolder[0] != null) mwiHolder[0].extensionRemoved(number);
            }
        });

        SwitchboardConfig.Auth auth = config.auth();
        AuthFailureGuard guard = new AuthFailureGuard(new AuthFailurePolicy(auth.maxFailures(), auth.failureWindow(),
                auth.blockDuration(), MAX_TRACKED_ADDRESSES));
        DigestAuthenticator authenticator = new DigestAuthenticator(
                new NonceService(auth.nonceLifetime(), NonceService.DEFAULT_MAX_TRACKED), auth.algorithms());
        SwitchboardConfig.Registrar r = config.registrar();
        RegistrarSettings settings = RegistrarSettings.defaults(config.domain())
                .withDomains(localDomains(config))
                .withExpires((int) r.minExpires().toSeconds(), (int) r.maxExpires().toSeconds(),
                        (int) r.defaultExpires().toSeconds());
        Registrar registrar = new Registrar(settings, location, credentials, authenticator, guard, new SecurityLog());

        WheelScheduler scheduler = new WheelScheduler();
        resources.add(scheduler);
        LateBoundSender sender = new LateBoundSender();
        SwitchboardConfig.Timers t = config.timers();
        SipStackSettings stackSettings = SipStackSettings.defaults()
                .withTimers(TimerSettings.of(t.t1(), t.t2(), t.t4()));
        String advertised = advertisedHost(config);
        for (Transport transport : List.of(Transport.UDP, Transport.TCP)) {
            stackSettings = stackSettings.withSentBy(transport, new SentBy(advertised, portOrDefault(config.sipPort(), 5060)));
        }
        stackSettings = stackSettings.withSentBy(Transport.TLS, new SentBy(advertised, portOrDefault(config.sipsPort(), 5061)));
        SwitchboardConfig.Calls calls = config.calls();
        NettyMediaEndpoints media = NettyMediaEndpoints.start(RtpConfig.of(config.bind(), MediaConfig.defaults()
                .withPorts(new org.switchboard.media.relay.PortRange(config.rtpPorts().first(), config.rtpPorts().last()))
                .withMediaTimeout(calls.mediaTimeout())));
        resources.add(media);
        String fallbackHost = fallbackAddress(config);
        B2buaSettings b2buaSettings = new B2buaSettings(config.domain(), calls.ringTimeout(), calls.sessionExpires(),
                B2buaSettings.MIN_SESSION_INTERVAL, t.t1(), t.t2(),
                flow -> contactUri(flow, fallbackHost), flow -> localHost(flow, fallbackHost), SERVER_HEADER);
        MusicOnHold moh = MusicOnHold.of(config.dataDir().resolve(MusicOnHold.FOLDER), config.moh().defaultClass());
        B2bua b2bua = new B2bua(b2buaSettings, scheduler, clock, location, directory, credentials, authenticator, guard,
                new SecurityLog(), recordSink(context.callRecords()), media, moh, serverCodecs(), context.voice(),
                Optional.of(new CallRecordingFeature(context.recordings(),
                        new PromptLibrary(config.dataDir().resolve(PromptLibrary.FOLDER)), config.voicemail().language().tag())));
        SwitchboardConfig.Mwi mwiConfig = config.mwi();
        MwiSettings mwiSettings = MwiSettings.defaults(config.domain(), (int) mwiConfig.maxExpires().toSeconds(),
                mwiConfig.unsolicited(), flow -> contactUri(flow, fallbackHost), SERVER_HEADER);
        MwiNotifier mwi = new MwiNotifier(mwiSettings, scheduler, clock, location, directory, credentials, authenticator,
                guard, new SecurityLog(), context.mwiCounts(), task -> Thread.ofVirtual().name("mwi-counts").start(task));
        mwiHolder[0] = mwi;
        location.addListener(mwi);
        SipStack stack = SipStack.builder(sender, scheduler,
                        new RequestDispatcher(registrar, b2bua, mwi, clock, SERVER_HEADER))
                .settings(stackSettings)
                .sourceFilter(flow -> !guard.isBlocked(flow.remote().getAddress(), clock.instant()))
                .build();
        resources.add(stack);
        b2bua.bind(stack);
        mwi.bind(stack);

        SwitchboardConfig.TransportLimits limits = config.transport();
        SipTransportConfig transportConfig = SipTransportConfig.builder()
                .bindAddress(config.bind())
                .sipPort(config.sipPort())
                .tlsPort(config.sipsPort())
                .transports(EnumSet.of(Transport.UDP, Transport.TCP))
                .tls(new TlsIdentity.KeyManager(context.tls().keyManagerFactory()))
                .maxMessageSize(limits.maxMessageSize())
                .maxConnections(limits.maxConnections())
                .maxConnectionsPerAddress(limits.maxConnectionsPerAddress())
                .idleTimeout(limits.idleTimeout())
                .firstMessageTimeout(limits.firstMessageTimeout())
                .connectTimeout(limits.connectTimeout())
                .build();
        SipTransports transports = SipTransports.start(transportConfig, stack);
        resources.add(transports);
        sender.bind(transports);
        resources.add(() -> {
            int ended = b2bua.shutdown(CALL_SHUTDOWN_GRACE);
            if (ended > 0) LOG.info("Ended {} live calls", ended);
        });

        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("registration-expiry").daemon(true).factory());
        sweeper.scheduleAtFixedRate(() -> {
            try {
                location.expire(clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("Registration expiry sweep failed: {}", e.toString());
            }
        }, 1, 1, TimeUnit.SECONDS);
        resources.add(sweeper::shutdownNow);

        List<Listener> listeners = new ArrayList<>();
        for (Map.Entry<Transport, InetSocketAddress> e : transports.localAddresses().entrySet()) {
            listeners.add(new Listener(e.getKey(), e.getValue()));
        }
        LOG.info("SIP serving domain {} with {} restored registrations", config.domain(), location.all().size());
        return new Bound(listeners, location, b2bua.liveCalls(), mwi);
    }

    /** The codecs the server speaks itself (music on hold, prompts): the standard ones, and Opus when it loads. */
    private static Codecs serverCodecs() {
        Codecs codecs = Codecs.standard();
        return OpusCodec.load().codec().map(codecs::with).orElse(codecs);
    }

    private static RecordSink recordSink(CallRecorder recorder) {
        return new RecordSink() {
            @Override
            public void started(CallRecord record) { recorder.started(record); }

            @Override
            public void changed(CallRecord record) { recorder.changed(record); }
        };
    }

    /** Our Contact for a leg on {@code flow}: the address it reached us on (RFC 3261 §8.1.1.8). */
    private static String contactUri(Flow flow, String fallbackHost) {
        String host = localHost(flow, fallbackHost);
        if (host.indexOf(':') >= 0) host = "[" + host + "]";
        String uri = "sip:" + host + ":" + flow.local().getPort();
        return switch (flow.transport()) {
            case UDP -> uri;
            case TCP -> uri + ";transport=tcp";
            case TLS -> uri + ";transport=tls";
            default -> uri + ";transport=" + flow.transport().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The IP a phone on {@code flow} reaches us at: the flow's local address, or the fallback for a wildcard socket. */
    private static String localHost(Flow flow, String fallbackHost) {
        InetAddress local = flow.local().getAddress();
        if (local == null || local.isAnyLocalAddress()) return fallbackHost;
        return local.getHostAddress();
    }

    /**
     * The IP to announce when a socket is bound to every interface: the bind address when
     * specific, else the domain when it resolves, else the first site address of an interface.
     */
    private static String fallbackAddress(SwitchboardConfig config) {
        if (!config.bind().isAnyLocalAddress()) return config.bind().getHostAddress();
        try {
            return InetAddress.getByName(config.domain()).getHostAddress();
        } catch (UnknownHostException e) {
            try {
                return InetAddress.getLocalHost().getHostAddress();
            } catch (UnknownHostException again) {
                return "127.0.0.1";
            }
        }
    }

    /** Names under which requests reach us: the domain, the bind address, and loopback names when binding everywhere. */
    private static Set<String> localDomains(SwitchboardConfig config) {
        Set<String> domains = new LinkedHashSet<>();
        domains.add(config.domain());
        InetAddress bind = config.bind();
        if (!bind.isAnyLocalAddress()) domains.add(bind.getHostAddress());
        return domains;
    }

    /** The host we put in our Via and Contact: the bind address when specific, else the domain. */
    private static String advertisedHost(SwitchboardConfig config) {
        InetAddress bind = config.bind();
        if (bind.isAnyLocalAddress()) return config.domain();
        String host = bind.getHostAddress();
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static int portOrDefault(int port, int fallback) {
        return port > 0 ? port : fallback;
    }

    /** Stops in reverse order: transports first, so nothing new arrives while the rest closes. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        resources.clear();
    }
}
