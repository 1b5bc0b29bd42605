package org.switchboard.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.app.admin.AdminDirectory;
import org.switchboard.app.admin.AdminEndpoint;
import org.switchboard.app.config.ConfigException;
import org.switchboard.app.config.SwitchboardConfig;
import org.switchboard.app.tls.TlsMaterial;
import org.switchboard.app.tls.TlsSetup;
import org.switchboard.app.recording.RecordingSystem;
import org.switchboard.app.voicemail.VoicemailSystem;
import org.switchboard.pbx.call.CallRecordRepository;
import org.switchboard.pbx.call.CallRecorder;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.mwi.VoiceCounts;
import org.switchboard.pbx.prompt.PromptLibrary;
import org.switchboard.pbx.voicemail.message.MessageCounts;
import org.switchboard.pbx.voicemail.message.MessageStore;
import org.switchboard.web.AdminApi;
import org.switchboard.web.AdminToken;

/**
 * A running Switchboard server: the composition root's start sequence and its reverse.
 *
 * <ol>
 *   <li>lock the data directory (one server per directory);</li>
 *   <li>TLS identity: configured, existing, or generated into {@code DATA/tls/};</li>
 *   <li>storage, then the {@link ExtensionService} on it; call records a crash left open are
 *       completed as interrupted, and the {@link CallRecorder} starts (it stops after SIP);</li>
 *   <li>voicemail ({@link VoicemailSystem}): files checked against their index, the mail queue resumed;</li>
 *   <li>call recording ({@link RecordingSystem}): files checked against their index, expired ones deleted;</li>
 *   <li>SIP ({@link SipService}), which reports its bound listeners and registrations;</li>
 *   <li>the HTTPS admin API with a fresh token, published in {@code DATA/admin/};</li>
 *   <li>print where it listens, then {@code Switchboard ready}.</li>
 * </ol>
 * A failing step undoes the steps before it. {@link #close()} stops everything in reverse
 * order and withdraws {@code DATA/admin/endpoint.json}.
 */
public final class Server implements AutoCloseable {
    /** The line printed when the server serves; scripts and tests wait for it. */
    public static final String READY = "Switchboard ready";
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final Deque<AutoCloseable> started;
    private final AdminDirectory admin;
    private final InetSocketAddress httpsAddress;
    private final List<SipService.Listener> sipListeners;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Server(Deque<AutoCloseable> started, AdminDirectory admin, InetSocketAddress httpsAddress,
                   List<SipService.Listener> sipListeners) {
        this.started = started;
        this.admin = admin;
        this.httpsAddress = httpsAddress;
        this.sipListeners = sipListeners;
    }

    /**
     * Starts a server and prints where it listens on {@code console}.
     *
     * @throws ConfigException  when the TLS files are unusable (exit status 2)
     * @throws StartupException when something else prevents serving (exit status 1)
     */
    public static Server start(SwitchboardConfig config, ServerWiring wiring, PrintStream console, Clock clock)
            throws ConfigException, StartupException {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            started.push(DataDirectoryLock.acquire(config.dataDir()));
            SecureRandom random = new SecureRandom();
            TlsMaterial tls = TlsSetup.prepare(config, clock, random);
            Storage storage = wiring.storage().open(config.dataDir());
            started.push(storage);
            ExtensionService extensions = new ExtensionService(storage.extensions(), random, clock,
                    config.calls().ringTimeout());
            interruptOpenCalls(storage.callRecords(), clock);
            CallRecorder callRecords = CallRecorder.start(storage.callRecords());
            started.push(callRecords);
            VoicemailSystem voicemail = VoicemailSystem.start(config, storage.voicemail(), extensions, clock);
            started.push(voicemail);
            RecordingSystem recordings = RecordingSystem.start(config, storage.recordings(), clock);
            started.push(recordings);

            SipService sip = wiring.sip().get();
            started.push(sip);
            SipService.Bound bound;
            try {
                MessageStore messages = voicemail.messages();
                SipService.Bound sipBound = sip.start(new SipService.Context(config, storage, extensions, callRecords,
                        tls, clock, extension -> lampCounts(messages.counts(extension)), recordings.calls(),
                        voicemail.applications(new PromptLibrary(config.dataDir().resolve(PromptLibrary.FOLDER)))));
                // every change of a mailbox's counts lights or clears its phones' lamps (MWI)
                messages.addCountsListener((mailbox, counts) ->
                        sipBound.mwi().countsChanged(mailbox, counts.newMessages(), counts.heard()));
                bound = sipBound;
            } catch (IOException e) {
                throw new StartupException("Cannot start SIP: " + e.getMessage()
                        + ": stop the program using the port or choose others with --sip-port / --sips-port", e);
            }

            AdminToken token = AdminToken.generate(random);
            AdminApi api;
            try {
                api = AdminApi.start(new AdminApi.Settings(config.bind().getHostAddress(), config.httpsPort(),
                        tls.serverContext(), token), extensions, bound.registrations(), bound.calls(), callRecords,
                        clock, Optional.of(voicemail.admin()), Optional.of(recordings.admin()));
            } catch (IOException e) {
                throw new StartupException("Cannot start HTTPS: " + e.getMessage()
                        + ": stop the program using the port or choose another with --https-port", e);
            }
            started.push(api);

            AdminDirectory admin = new AdminDirectory(config.dataDir());
            InetSocketAddress https = api.address();
            publish(admin, token, new AdminEndpoint(adminUrl(config.bind(), https.getPort()),
                    ProcessHandle.current().pid(), tls.certificateFile().toAbsolutePath()));
            started.push(admin::withdraw);

            Server server = new Server(started, admin, https, bound.listeners());
            server.announce(config, console);
            return server;
        } catch (ConfigException | StartupException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /** Where HTTPS listens (the real port when 0 was configured). */
    public InetSocketAddress httpsAddress() { return httpsAddress; }

    public List<SipService.Listener> sipListeners() { return sipListeners; }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops everything in reverse start order; safe to call twice and from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        LOG.info("Switchboard stopping");
        closeAll(started);
        LOG.info("Switchboard stopped");
        stopped.countDown();
    }

    private void announce(SwitchboardConfig config, PrintStream console) {
        String sip = sipListeners.isEmpty() ? "(not started: no SIP service wired)" : sipListeners.stream()
                .sorted(java.util.Comparator.comparing(SipService.Listener::transport))
                .map(l -> l.transport().name().toLowerCase(Locale.ROOT) + " " + hostPort(l.address()))
                .collect(Collectors.joining("  "));
        console.println("SIP    " + sip);
        console.println("HTTPS  https://" + hostPort(httpsAddress));
        console.println("Domain " + config.domain());
        console.println("Data   " + config.dataDir());
        console.println(READY);
        console.flush();
        LOG.info("Admin endpoint published in {}", admin.endpointFile());
    }

    private static void publish(AdminDirectory admin, AdminToken token, AdminEndpoint endpoint) throws StartupException {
        try {
            admin.publish(token, endpoint);
        } catch (IOException e) {
            throw new StartupException("Cannot write the admin token into " + admin.tokenFile().getParent() + ": "
                    + e.getMessage() + ": check that the data directory is writable", e);
        }
    }

    /**
     * Completes the call records the last run left open (it crashed or was killed) as
     * INTERRUPTED, before SIP starts any new call. A failure is logged, not fatal: phones come
     * before bookkeeping, and the next start tries again.
     */
    private static void interruptOpenCalls(CallRecordRepository records, Clock clock) {
        try {
            int open = records.interruptOpen(clock.instant());
            if (open > 0) LOG.warn("Call records left open by the last run (a crash?): {} completed as INTERRUPTED", open);
            else LOG.info("Call records left open by the last run: none");
        } catch (RuntimeException e) {
            LOG.error("Cannot complete the call records left open by the last run: {}", e.toString());
        }
    }

    /** Loopback when listening everywhere (the CLI runs on this machine), else the bind address itself. */
    static URI adminUrl(InetAddress bind, int port) {
        String host;
        if (bind.isAnyLocalAddress()) host = bind instanceof Inet6Address ? "[::1]" : "127.0.0.1";
        else host = bind instanceof Inet6Address ? "[" + bind.getHostAddress().split("%", 2)[0] + "]" : bind.getHostAddress();
        return URI.create("https://" + host + ":" + port);
    }

    static String hostPort(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", next.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** A lamp shows new messages and the heard ones (old and saved, RFC 3842 has no "saved"). */
    private static VoiceCounts lampCounts(MessageCounts counts) {
        return VoiceCounts.of(counts.newMessages(), counts.heard());
    }
}
