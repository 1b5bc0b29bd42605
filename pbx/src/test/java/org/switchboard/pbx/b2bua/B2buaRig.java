package org.switchboard.pbx.b2bua;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.LegAudioStats;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.codec.Codecs;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaEndpoints;
import org.switchboard.media.relay.MediaStats;
import org.switchboard.media.relay.MediaTimeoutListener;
import org.switchboard.media.relay.PortPair;
import org.switchboard.media.relay.SrtpKeys;
import org.switchboard.pbx.call.CallRecord;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.ExtensionDirectory;
import org.switchboard.pbx.extension.MemoryExtensionRepository;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.extension.SrtpPolicy;
import org.switchboard.pbx.moh.MusicOnHold;
import org.switchboard.pbx.voice.VoiceApplications;
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
 * A whole B2BUA on one thread with no sockets: a real {@link SipStack} and
 * {@link RequestDispatcher} driven by bytes, a virtual clock, a fake relay whose endpoints
 * remember what they were terminated with and told to play, and every message the server sends
 * captured by destination. Phones are scripted by the tests.
 */
final class B2buaRig {
    static final String DOMAIN = "pbx.example.com";
    static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.5", 5060);

    record Sent(InetSocketAddress to, SipMessage message) {
        SipRequest request() { return (SipRequest) message; }

        SipResponse response() { return (SipResponse) message; }
    }

    final ManualScheduler scheduler = new ManualScheduler();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<CallRecord> records = new CopyOnWriteArrayList<>();
    final FakeMedia media = new FakeMedia();
    final Location location;
    final SipStack stack;
    final B2bua b2bua;
    final MemoryExtensionRepository repo = new MemoryExtensionRepository();
    final ExtensionDirectory directory;
    Instant now = Instant.parse("2026-03-01T10:00:00Z");

    B2buaRig(Duration sessionInterval) {
        this(sessionInterval, MusicOnHold.bundled());
    }

    /** A rig whose held parties hear the classes of {@code moh}. */
    B2buaRig(Duration sessionInterval, MusicOnHold moh) {
        this(sessionInterval, moh, VoiceApplications.NONE);
    }

    /** A rig whose server answers the calls {@code applications} take (voicemail, service numbers). */
    B2buaRig(Duration sessionInterval, MusicOnHold moh, VoiceApplications applications) {
        InstantSource clock = () -> now.plusNanos(scheduler.nanoTime());
        location = new Location(new BindingRepository() {
            @Override
            public List<Binding> loadAll() { return List.of(); }

            @Override
            public void apply(Collection<Binding> upserts, Collection<Binding.Key> removals) { }
        }, clock);
        repo.add(new Extension("101", "Alice Martin", now), SipSecret.of("alice-secret-1"));
        repo.add(new Extension("102", "Bob", now), SipSecret.of("bob-secret-22"));
        repo.add(new Extension("103", "Hall phone", now, Optional.of(Duration.ofSeconds(15))), SipSecret.of("hall-secret-3"));
        directory = ExtensionDirectory.load(repo);
        DigestAuthenticator auth = new DigestAuthenticator(new NonceService(), List.of(DigestAlgorithm.MD5));
        AuthFailureGuard guard = new AuthFailureGuard(AuthFailurePolicy.DEFAULTS);
        SecurityLog log = new SecurityLog(line -> { });
        Registrar registrar = new Registrar(RegistrarSettings.defaults(DOMAIN), location, repo::secret, auth, guard, log);
        B2buaSettings settings = new B2buaSettings(DOMAIN, Duration.ofSeconds(30), sessionInterval,
                B2buaSettings.MIN_SESSION_INTERVAL, Duration.ofMillis(500), Duration.ofSeconds(4),
                flow -> "sip:127.0.0.5:5060", flow -> "127.0.0.5", "Switchboard");
        RecordSink sink = new RecordSink() {
            @Override
            public void started(CallRecord r) { records.add(r); }

            @Override
            public void changed(CallRecord r) { records.add(r); }
        };
        b2bua = new B2bua(settings, scheduler, clock, location, directory, repo::secret, auth, guard, log, sink, media,
                moh, Codecs.standard(), applications);
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
        stack = SipStack.builder(sender, scheduler, new RequestDispatcher(registrar, b2bua, clock, "Switchboard"))
                .settings(SipStackSettings.defaults().withShards(2).withSentBy(Transport.UDP, new SentBy("127.0.0.5", 5060))
                        .withSentBy(Transport.TLS, new SentBy("127.0.0.5", 5061)))
                .shardExecutors(i -> Runnable::run)
                .build();
        b2bua.bind(stack);
    }

    private void record(InetSocketAddress to, byte[] bytes) {
        ParseResult r = SipParser.parse(bytes);
        if (!(r instanceof ParseResult.Parsed p)) throw new AssertionError("server sent an unparsable message: " + r);
        sent.add(new Sent(to, p.message()));
    }

    /** Sets the SRTP policy of an extension, as {@code extension set N --srtp} does. */
    void srtp(String number, SrtpPolicy policy) {
        repo.updateSettings(repo.find(number).orElseThrow().withSrtp(policy));
        directory.refresh(number);
    }

    /** Sets the music class of an extension, as {@code extension set N --moh CLASS} does. */
    void mohClass(String number, String className) {
        repo.updateSettings(repo.find(number).orElseThrow().withMohClass(Optional.of(className)));
        directory.refresh(number);
    }

    /** Registers {@code contact} for {@code aor}, as if it had sent a REGISTER from {@code from}. */
    void register(String aor, String contact, InetSocketAddress from) {
        register(aor, contact, from, Transport.UDP);
    }

    /** Registers {@code contact} for {@code aor} over {@code transport} (its flow is where its calls go). */
    void register(String aor, String contact, InetSocketAddress from, Transport transport) {
        Flow flow = new Flow(transport, SERVER, from);
        Binding b = new Binding(aor, contact, now.plusSeconds(3600), "reg-" + contact, 1, flow, "TestPhone", now);
        location.update(aor, current -> {
            List<Binding> next = new ArrayList<>(current);
            next.add(b);
            return new Location.Update<>(List.copyOf(next), null);
        });
    }

    /** Delivers a message from {@code from} as the network would. */
    void receive(SipMessage message, InetSocketAddress from) {
        stack.onMessage(message.toBytes(), new Flow(Transport.UDP, SERVER, from));
    }

    void receive(String text, InetSocketAddress from) {
        receive(text, from, Transport.UDP);
    }

    /** Delivers a message from {@code from} over {@code transport} (TLS: SDES keys may flow). */
    void receive(String text, InetSocketAddress from, Transport transport) {
        stack.onMessage(text.getBytes(StandardCharsets.UTF_8), new Flow(transport, SERVER, from));
    }

    void receive(SipMessage message, InetSocketAddress from, Transport transport) {
        stack.onMessage(message.toBytes(), new Flow(transport, SERVER, from));
    }

    /** Messages sent to {@code to} so far. */
    List<Sent> to(InetSocketAddress to) {
        return sent.stream().filter(s -> s.to().equals(to)).toList();
    }

    /** Requests of {@code method} sent to {@code to}, retransmissions (same branch) counted once. */
    List<SipRequest> requestsTo(InetSocketAddress to, String method) {
        java.util.Set<String> branches = new java.util.HashSet<>();
        return to(to).stream().filter(s -> s.message() instanceof SipRequest r && r.isMethod(method))
                .map(Sent::request).filter(r -> branches.add(r.topVia().branch().orElse(""))).toList();
    }

    List<SipResponse> responsesTo(InetSocketAddress to) {
        return to(to).stream().filter(s -> s.message() instanceof SipResponse).map(Sent::response).toList();
    }

    Optional<CallRecord> lastRecord() { return records.isEmpty() ? Optional.empty() : Optional.of(records.getLast()); }

    void advance(Duration d) { scheduler.advance(d); }

    /** A relay that binds nothing: ports from a counter, bridges and closes remembered. */
    static final class FakeMedia implements MediaEndpoints {
        final List<FakeEndpoint> endpoints = new CopyOnWriteArrayList<>();
        final List<String> bridges = new CopyOnWriteArrayList<>();
        private int nextPort = 40_000;

        @Override
        public synchronized MediaEndpoint allocate(String legId, String callKey, MediaTimeoutListener onTimeout) {
            FakeEndpoint e = new FakeEndpoint(legId, new PortPair(nextPort), onTimeout);
            nextPort += 2;
            endpoints.add(e);
            return e;
        }

        @Override
        public boolean bridge(MediaEndpoint a, MediaEndpoint b) {
            if (!a.isOpen() || !b.isOpen()) return false;
            bridges.add(a.legId() + "<->" + b.legId());
            return true;
        }

        @Override
        public void unbridge(MediaEndpoint endpoint) { }

        @Override
        public int allocatedPairs() { return (int) endpoints.stream().filter(FakeEndpoint::isOpen).count(); }

        @Override
        public List<MediaStats> stats() { return List.of(); }

        @Override
        public void close() { }
    }

    static final class FakeEndpoint implements MediaEndpoint {
        final String legId;
        final PortPair ports;
        final MediaTimeoutListener onTimeout;
        final List<InetSocketAddress> remotes = new CopyOnWriteArrayList<>();
        /** Every channel this endpoint was terminated with, oldest first. */
        final List<FakeChannel> channels = new CopyOnWriteArrayList<>();
        volatile boolean open = true;
        volatile boolean suspended;
        /** The SRTP keys in use, null for plain RTP. */
        volatile SrtpKeys inbound;
        volatile SrtpKeys outbound;

        FakeEndpoint(String legId, PortPair ports, MediaTimeoutListener onTimeout) {
            this.legId = legId;
            this.ports = ports;
            this.onTimeout = onTimeout;
        }

        @Override
        public String legId() { return legId; }

        @Override
        public PortPair ports() { return ports; }

        @Override
        public InetSocketAddress localRtp() { return new InetSocketAddress("127.0.0.5", ports.rtp()); }

        @Override
        public InetSocketAddress localRtcp() { return new InetSocketAddress("127.0.0.5", ports.rtcp()); }

        @Override
        public void expectRemote(InetSocketAddress rtp, InetSocketAddress rtcp) { remotes.add(rtp); }

        @Override
        public void useSrtp(SrtpKeys inbound, SrtpKeys outbound) {
            this.inbound = inbound;
            this.outbound = outbound;
        }

        @Override
        public void usePlainRtp() {
            inbound = null;
            outbound = null;
        }

        @Override
        public void suspendTimeout(boolean s) { suspended = s; }

        @Override
        public MediaChannel terminate(LegAudioConfig config, Executor callExecutor, LegAudioListener listener) {
            if (!channels.isEmpty()) channels.getLast().die();
            FakeChannel c = new FakeChannel(legId, config, listener);
            if (!open) c.die();
            channels.add(c);
            return c;
        }

        /** The live channel, if the endpoint is TERMINATED now. */
        Optional<FakeChannel> terminated() {
            return channels.isEmpty() || !channels.getLast().isTerminated() ? Optional.empty()
                    : Optional.of(channels.getLast());
        }

        @Override
        public MediaStats stats() { throw new UnsupportedOperationException(); }

        @Override
        public boolean isOpen() { return open; }

        @Override
        public void close() {
            open = false;
            if (!channels.isEmpty()) channels.getLast().die();
        }
    }

    /**
     * A terminated leg that remembers what it was told to play, which channel it was connected
     * with and the key presses it was told to send; {@link #relay()} and closing kill it (and
     * undo its connection, as the real one does).
     */
    static final class FakeChannel implements MediaChannel {
        final String legId;
        final LegAudioConfig config;
        /** Told of this leg's key presses; a test plays the phone by calling it. */
        final LegAudioListener listener;
        final List<AudioSource> played = new CopyOnWriteArrayList<>();
        /** Key presses sent to the phone, as {@code digit/millis}. */
        final List<String> dtmf = new CopyOnWriteArrayList<>();
        volatile boolean live = true;
        volatile boolean relayed;
        volatile FakeChannel connectedWith;

        FakeChannel(String legId, LegAudioConfig config, LegAudioListener listener) {
            this.legId = legId;
            this.config = config;
            this.listener = listener;
        }

        void die() {
            live = false;
            played.forEach(AudioSource::close);
            disconnect();
        }

        /** What plays now, if anything. */
        Optional<AudioSource> playing() { return live && !played.isEmpty() ? Optional.of(played.getLast()) : Optional.empty(); }

        @Override
        public String legId() { return legId; }

        @Override
        public LegAudioConfig config() { return config; }

        @Override
        public void play(AudioSource source) {
            if (!live) {
                source.close();
                return;
            }
            played.add(source);
        }

        @Override
        public void stopPlaying() { }

        @Override
        public void record(AudioSink sink) { }

        @Override
        public CompletionStage<Void> stopRecording(AudioSink sink) { return CompletableFuture.completedFuture(null); }

        @Override
        public void sendDtmf(DtmfDigit digit, int durationMillis) {
            if (live) dtmf.add(digit.symbol() + "/" + durationMillis);
        }

        @Override
        public void connect(MediaChannel other) {
            FakeChannel peer = (FakeChannel) other;
            if (!live || !peer.live) return;
            disconnect();
            peer.disconnect();
            connectedWith = peer;
            peer.connectedWith = this;
        }

        @Override
        public void disconnect() {
            FakeChannel peer = connectedWith;
            connectedWith = null;
            if (peer != null && peer.connectedWith == this) peer.connectedWith = null;
        }

        @Override
        public CompletionStage<LegAudioStats> stats() { return CompletableFuture.failedFuture(new UnsupportedOperationException()); }

        @Override
        public CompletionStage<Void> relay() {
            relayed = live;
            die();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isTerminated() { return live; }
    }
}
