package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.sip.message.ParseResult;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipParser;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSender;

/** Records every send with the virtual time it happened; can be told to fail. Thread-safe. */
final class FakeSender implements TransportSender {

    /** One send: on a flow, or to a transport and address. */
    record Sent(Flow flow, Transport transport, InetSocketAddress to, byte[] bytes, Duration at) {
        SipMessage message() {
            return ((ParseResult.Parsed) SipParser.parse(bytes)).message();
        }

        SipResponse response() { return (SipResponse) message(); }

        SipRequest request() { return (SipRequest) message(); }

        InetSocketAddress destination() { return flow != null ? flow.remote() : to; }

        String text() { return new String(bytes, StandardCharsets.UTF_8); }
    }

    private final Scheduler clock;
    private final List<Sent> sent = new ArrayList<>();
    private int failuresLeft;

    FakeSender(Scheduler clock) { this.clock = clock; }

    /** The next {@code n} sends report a transport error (synchronously, the harshest case). */
    synchronized void failNext(int n) { failuresLeft = n; }

    synchronized List<Sent> sent() { return List.copyOf(sent); }

    synchronized Sent last() { return sent.getLast(); }

    synchronized void clear() { sent.clear(); }

    /** The virtual times of all sends, in seconds with millisecond precision. */
    synchronized List<Double> times() {
        List<Double> out = new ArrayList<>();
        for (Sent s : sent) out.add(s.at().toMillis() / 1000.0);
        return out;
    }

    @Override
    public void send(Flow flow, byte[] message, SendResult result) {
        record(new Sent(flow, flow.transport(), flow.remote(), message, now()), flow, result);
    }

    @Override
    public void send(Transport transport, InetSocketAddress remote, byte[] message, SendResult result) {
        record(new Sent(null, transport, remote, message, now()), null, result);
    }

    private Duration now() { return Duration.ofNanos(clock.nanoTime()); }

    private void record(Sent s, Flow flow, SendResult result) {
        boolean fail;
        synchronized (this) {
            sent.add(s);
            fail = failuresLeft > 0;
            if (fail) failuresLeft--;
        }
        result.done(flow, fail ? new java.io.IOException("connection refused") : null);
    }
}
