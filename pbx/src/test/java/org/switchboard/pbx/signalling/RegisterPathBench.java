package org.switchboard.pbx.signalling;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.BindingRepository;
import org.switchboard.pbx.registrar.CredentialCache;
import org.switchboard.pbx.registrar.Location;
import org.switchboard.pbx.registrar.Registrar;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.pbx.security.AuthFailureGuard;
import org.switchboard.pbx.security.AuthFailurePolicy;
import org.switchboard.pbx.security.SecurityLog;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.NonceService;
import org.switchboard.sip.time.ManualScheduler;
import org.switchboard.sip.transaction.SipStack;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSender;

/**
 * The server side of bench/register-storm.sh without sockets: the messages SIPp's
 * register_digest.xml sends (REGISTER, 401, REGISTER with MD5 credentials, 200) driven through
 * the whole stack (parser, transaction layer, dispatcher, registrar, location) on one thread.
 * Prints CPU time and bytes allocated per registration, server side only.
 *
 * <p>Not a test: run it by hand, e.g. from the root with
 * {@code java -cp "pbx/target/test-classes:pbx/target/classes:app/target/lib/*" org.switchboard.pbx.signalling.RegisterPathBench 5000 400000}
 * (users, registrations per round, rounds, simulated registrations/s: virtual time runs as at that rate,
 * so Timer J ends transactions as in a storm at that rate; a high rate keeps few transactions alive and
 * the figures free of garbage-collection noise).
 */
public final class RegisterPathBench {

    private static final String SERVER = "127.0.0.1";
    private static final int SERVER_PORT = 5060;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private byte[] lastSent;
    private final SipStack stack;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final MessageDigest md5;
    private final int users;
    /** Virtual time per 1,000 registrations, so Timer J ends transactions as at the simulated rate. */
    private final long millisPer1000;
    private long calls;

    private RegisterPathBench(int users, int simulatedRate) throws NoSuchAlgorithmException {
        this.users = users;
        this.millisPer1000 = Math.max(1, 1_000_000 / simulatedRate);
        this.md5 = MessageDigest.getInstance("MD5");
        InstantSource clock = InstantSource.system();
        Location location = new Location(new BindingRepository() {
            @Override
            public List<Binding> loadAll() { return List.of(); }

            @Override
            public void apply(Collection<Binding> upserts, Collection<Binding.Key> removals) { }
        }, clock);
        CredentialCache credentials = new CredentialCache(n -> Optional.of(SipSecret.of("Bench" + n + "pw")), clock);
        Registrar registrar = new Registrar(RegistrarSettings.defaults(SERVER), location, credentials,
                new DigestAuthenticator(new NonceService(), List.of(DigestAlgorithm.MD5)),
                new AuthFailureGuard(AuthFailurePolicy.DEFAULTS), new SecurityLog(line -> { }));
        TransportSender sender = new TransportSender() {
            @Override
            public void send(Flow flow, byte[] message, SendResult result) {
                lastSent = message;
                result.done(flow, null);
            }

            @Override
            public void send(Transport transport, InetSocketAddress remote, byte[] message, SendResult result) {
                lastSent = message;
                result.done(null, null);
            }
        };
        stack = SipStack.builder(sender, scheduler, new RequestDispatcher(registrar, clock, "Switchboard"))
                .shardExecutors(i -> Runnable::run)
                .build();
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int simulatedRate = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        RegisterPathBench bench = new RegisterPathBench(users, simulatedRate);
        var threads = THREADS;
        long tid = Thread.currentThread().threadId();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < rounds; r++) {
            long[] server = new long[2];
            long bytes0 = threads.getThreadAllocatedBytes(tid);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long process0 = os.getProcessCpuTime();
            long gc0 = gcMillis();
            for (int i = 0; i < perRound; i++) bench.registration(server);
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long process = os.getProcessCpuTime() - process0;
            long bytes = threads.getThreadAllocatedBytes(tid) - bytes0;
            System.out.printf("round %d: server %.2f us CPU, %d bytes allocated per registration;"
                            + " whole loop: thread %.2f us, process %.2f us, %d bytes; GC %d ms%n", r,
                    server[0] / 1000.0 / perRound, server[1] / perRound, cpu / 1000.0 / perRound,
                    process / 1000.0 / perRound, bytes / perRound, gcMillis() - gc0);
        }
    }

    private static long gcMillis() {
        long t = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }

    /** One SIPp call: REGISTER, 401, REGISTER with credentials, 200. Adds server nanoseconds to {@code server[0]}. */
    private void registration(long[] server) {
        long n = calls++;
        int user = 100_000 + (int) (n % users);
        int k = (int) (n % users % 2);
        String localIp = "127.0.0." + (2 + k);
        int localPort = 20_000 + k;
        Flow flow = new Flow(Transport.UDP, new InetSocketAddress(SERVER, SERVER_PORT), new InetSocketAddress(localIp, localPort));
        String callId = n + "-4242@" + localIp;
        String first = request(user, localIp, localPort, callId, 1, n, null);
        byte[] firstBytes = first.getBytes(StandardCharsets.UTF_8);
        long t0 = THREADS.getCurrentThreadCpuTime();
        long a0 = THREADS.getCurrentThreadAllocatedBytes();
        stack.onMessage(firstBytes, flow);
        long t1 = THREADS.getCurrentThreadCpuTime();
        long a1 = THREADS.getCurrentThreadAllocatedBytes();
        String challenge = new String(lastSent, StandardCharsets.UTF_8);
        if (!challenge.startsWith("SIP/2.0 401")) throw new IllegalStateException("expected 401: " + challenge);
        int ni = challenge.indexOf("nonce=\"") + 7;
        String nonce = challenge.substring(ni, challenge.indexOf('"', ni));
        String uri = "sip:" + SERVER + ":" + SERVER_PORT;
        String ha1 = md5(user + ":" + SERVER + ":Bench" + user + "pw");
        String ha2 = md5("REGISTER:" + uri);
        String response = md5(ha1 + ":" + nonce + ":00000001:6b8b4567:auth:" + ha2);
        String auth = "Authorization: Digest username=\"" + user + "\",realm=\"" + SERVER + "\",cnonce=\"6b8b4567\",nc=00000001,"
                + "qop=auth,uri=\"" + uri + "\",nonce=\"" + nonce + "\",response=\"" + response + "\",algorithm=MD5";
        String second = request(user, localIp, localPort, callId, 2, n, auth);
        byte[] secondBytes = second.getBytes(StandardCharsets.UTF_8);
        long t2 = THREADS.getCurrentThreadCpuTime();
        long a2 = THREADS.getCurrentThreadAllocatedBytes();
        stack.onMessage(secondBytes, flow);
        long t3 = THREADS.getCurrentThreadCpuTime();
        long a3 = THREADS.getCurrentThreadAllocatedBytes();
        if (lastSent[8] != '2') throw new IllegalStateException("expected 200: " + new String(lastSent, StandardCharsets.UTF_8));
        server[0] += (t1 - t0) + (t3 - t2);
        server[1] += (a1 - a0) + (a3 - a2);
        if (n % 1000 == 999) scheduler.advance(Duration.ofMillis(millisPer1000));
    }

    private static String request(int user, String localIp, int localPort, String callId, int cseq, long n, String auth) {
        StringBuilder sb = new StringBuilder(600)
                .append("REGISTER sip:").append(SERVER).append(':').append(SERVER_PORT).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP ").append(localIp).append(':').append(localPort)
                .append(";branch=z9hG4bK-4242-").append(n).append('-').append(cseq - 1).append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <sip:").append(user).append('@').append(SERVER).append(">;tag=4242SIPpTag00").append(n).append("\r\n")
                .append("To: <sip:").append(user).append('@').append(SERVER).append(">\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(" REGISTER\r\n")
                .append("Contact: <sip:").append(user).append('@').append(localIp).append(':').append(localPort)
                .append(";transport=UDP>\r\n")
                .append("Expires: 3600\r\n");
        if (auth != null) sb.append(auth).append("\r\n");
        return sb.append("User-Agent: SIPp register_digest\r\nContent-Length: 0\r\n\r\n").toString();
    }

    private String md5(String s) {
        return HexFormat.of().formatHex(md5.digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() { return "RegisterPathBench[" + users + " users]"; }
}
