package org.switchboard.app.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.switchboard.sip.transport.Transport;

/**
 * The production {@link SipService}: Netty transports feed the SIP stack, whose transaction
 * user is the {@link RequestDispatcher} in front of the registrar. Bindings are restored from
 * storage at start and written behind while serving; an expiry sweep runs every second.
 */
public final class StackSipService implements SipService {
    private static final Logger LOG = LoggerFactory.getLogger(StackSipService.class);
    private static final String SERVER_HEADER = "Switchboard";
    /** How many addresses the auth-failure guard tracks at most (memory bound under a scan). */
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @Override
    public Bound start(Context context) throws IOException {
        SwitchboardConfig config = context.config();
        Clock clock = context.clock();

        Location location = Location.restore(context.storage().bindings(), clock, clock.instant());
        resources.add(location);
        CredentialCache credentials = new CredentialCache(context.storage().extensions()::secret, clock);
        context.extensions().addListener(number -> {
            credentials.invalidate(number);
            if (context.storage().extensions().find(number).isEmpty()) location.removeAll(number);
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
        SipStack stack = SipStack.builder(sender, scheduler, new RequestDispatcher(registrar, clock, SERVER_HEADER))
                .settings(stackSettings)
                .sourceFilter(flow -> !guard.isBlocked(flow.remote().getAddress(), clock.instant()))
                .build();
        resources.add(stack);

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
        return new Bound(listeners, location);
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
