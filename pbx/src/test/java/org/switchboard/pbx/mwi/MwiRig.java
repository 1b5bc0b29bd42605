package org.switchboard.pbx.mwi;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.ExtensionDirectory;
import org.switchboard.pbx.extension.MemoryExtensionRepository;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.BindingRepository;
import org.switchboard.pbx.registrar.Location;
import org.switchboard.pbx.registrar.Registrar;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.pbx.security.AuthFailureGuard;
import org.switchboard.pbx.security.AuthFailurePolicy;
import org.switchboard.pbx.security.SecurityLog;
import org.switchboard.pbx.signalling.RequestDispatcher;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.NonceService;
import org.switchboard.sip.message.ParseResult;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipParser;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.time.ManualScheduler;
import org.switchboard.sip.transaction.SentBy;
import org.switchboard.sip.transaction.SipStack;
import org.switchboard.sip.transaction.SipStackSettings;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSender;

/**
 * The notifier in a whole server on one thread with no sockets: a real {@link SipStack} and
 * {@link RequestDispatcher} driven by bytes, a virtual clock, the location service, and every
 * message the server sends captured by destination. Phones are scripted by the tests.
 */
final class MwiRig {
    static final String DOMAIN = "pbx.example.com";
    static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.5", 5060);

    record Sent(InetSocketAddress to, SipMessage message) { }

    final ManualScheduler scheduler = new ManualScheduler();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<String> securityLines = new CopyOnWriteArrayList<>();
    /** Reads of the counts source waiting to run, when {@link #holdReads} is set. */
    final Queue<Runnable> heldReads = new ArrayDeque<>();
    final List<String> reads = new CopyOnWriteArrayList<>();
    final MemoryExtensionRepository repo = new MemoryExtensionRepository();
    final Location location;
    final ExtensionDirectory directory;
    final MwiNotifier mwi;
    final SipStack stack;
    volatile VoiceCounts stored = VoiceCounts.of(1, 4);
    boolean holdReads;
    Instant now = Instant.parse("2026-03-01T10:00:00Z");

    MwiRig() {
        this(true);
    }

    MwiRig(boolean unsolicited) {
        InstantSource clock = () -> now.plusNanos(scheduler.nanoTime());
        location = new Location(new BindingRepository() {
            @Override
            public List<Binding> loadAll() { return List.of(); }

            @Override
            public void apply(Collection<Binding> upserts, Collection<Binding.Key> removals) { }
        }, clock);
        repo.add(new Extension("101", "Alice", now), SipSecret.of("alice-secret-1"));
        repo.add(new Extension("102", "Bob", now), SipSecret.of("bob-secret-22"));
        directory = ExtensionDirectory.load(repo);
        DigestAuthenticator auth = new DigestAuthenticator(new NonceService(), List.of(DigestAlgorithm.MD5));
        AuthFailureGuard guard = new AuthFailureGuard(AuthFailurePolicy.DEFAULTS);
        SecurityLog log = new SecurityLog(securityLines::add);
        Registrar registrar = new Registrar(RegistrarSettings.defaults(DOMAIN), location, repo::secret, auth, guard, log);
        MwiSettings settings = MwiSettings.defaults(DOMAIN, 3600, unsolicited, flow -> "sip:127.0.0.5:5060", "Switchboard");
        Executor blocking = task -> {
            if (holdReads) heldReads.add(task);
            else task.run();
        };
        mwi = new MwiNotifier(settings, scheduler, clock, location, directory, repo::secret, auth, guard, log,
                extension -> {
                    reads.add(extension);
                    return stored;
                }, blocking);
        location.addListener(mwi);
        TransportSender sender = new TransportSender() {
            @Override
            public void send(Flow flow, byte[] message, SendResult result) {
                record(flow.remote(), message);
                result.done(flow, null);
            }

            @Override
            public void send(Transport transport, InetSocketAddress remote, byte[] message, SendResult result) {
                record(remote, message);
                result.done(new Flow(transport, SERVER, remote), null);
            }
        };
        stack = SipStack.builder(sender, scheduler, new RequestDispatcher(registrar, null, mwi, clock, "Switchboard"))
                .settings(SipStackSettings.defaults().withShards(2).withSentBy(Transport.UDP, new SentBy("127.0.0.5", 5060)))
                .shardExecutors(i -> Runnable::run)
                .build();
        mwi.bind(stack);
    }

    private void record(InetSocketAddress to, byte[] bytes) {
        ParseResult r = SipParser.parse(bytes);
        if (!(r instanceof ParseResult.Parsed p)) throw new AssertionError("server sent an unparsable message: " + r);
        sent.add(new Sent(to, p.message()));
    }

    /** Registers {@code contact} for {@code aor} from {@code from}, as the registrar would after a REGISTER. */
    void register(String aor, String contact, InetSocketAddress from) {
        Flow flow = new Flow(Transport.UDP, SERVER, from);
        Binding b = new Binding(aor, contact, now.plusSeconds(3600).plusNanos(scheduler.nanoTime()), "reg-" + contact, 1,
                flow, "TestPhone", now);
        location.update(aor, current -> {
            List<Binding> next = new ArrayList<>(current);
            next.add(b);
            return new Location.Update<>(List.copyOf(next), null);
        });
    }

    void receive(String text, InetSocketAddress from) {
        stack.onMessage(text.getBytes(StandardCharsets.UTF_8), new Flow(Transport.UDP, SERVER, from));
    }

    void receive(SipMessage message, InetSocketAddress from) {
        stack.onMessage(message.toBytes(), new Flow(Transport.UDP, SERVER, from));
    }

    /** Runs the held reads of the counts source. */
    void releaseReads() {
        while (!heldReads.isEmpty()) heldReads.poll().run();
    }

    /** Requests of {@code method} sent to {@code to}, retransmissions (same branch) counted once. */
    List<SipRequest> requestsTo(InetSocketAddress to, String method) {
        java.util.Set<String> branches = new java.util.HashSet<>();
        return sent.stream().filter(s -> s.to().equals(to) && s.message() instanceof SipRequest r && r.isMethod(method))
                .map(s -> (SipRequest) s.message()).filter(r -> branches.add(r.topVia().branch().orElse(""))).toList();
    }

    /** Every copy of requests of {@code method} sent to {@code to}, retransmissions included. */
    long copiesTo(InetSocketAddress to, String method) {
        return sent.stream().filter(s -> s.to().equals(to) && s.message() instanceof SipRequest r && r.isMethod(method)).count();
    }

    List<SipResponse> responsesTo(InetSocketAddress to) {
        return sent.stream().filter(s -> s.to().equals(to) && s.message() instanceof SipResponse)
                .map(s -> (SipResponse) s.message()).toList();
    }

    void advance(Duration d) { scheduler.advance(d); }
}
