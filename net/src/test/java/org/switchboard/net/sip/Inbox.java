package org.switchboard.net.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.InboundHandler;

/** Collects what the transports deliver, for tests. */
final class Inbox implements InboundHandler {

    record Received(String text, Flow flow) { }

    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(byte[] message, Flow flow) {
        queue.add(new Received(new String(message, StandardCharsets.UTF_8), flow));
    }

    /** The next message, waiting up to five seconds. */
    Received next() {
        try {
            Received r = queue.poll(5, TimeUnit.SECONDS);
            assertThat(r).as("a message within 5 s").isNotNull();
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    static String options(String tag) {
        return "OPTIONS sip:" + tag + "@example.com SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.1;branch=z9hG4bK" + tag
                + "\r\nContent-Length: 0\r\n\r\n";
    }

    static String response(String tag) {
        return "SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 192.0.2.1;branch=z9hG4bK" + tag + "\r\nContent-Length: 0\r\n\r\n";
    }
}
