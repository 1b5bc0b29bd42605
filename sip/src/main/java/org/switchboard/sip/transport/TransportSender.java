package org.switchboard.sip.transport;

import java.net.InetSocketAddress;

/**
 * The outbound half of a transport layer, implemented by module {@code net}.
 * Sending never blocks and never throws for network trouble: failures are reported
 * through the returned {@link SendResult} callback (RFC 3261 §8.1.3.1 transport errors
 * turn into 503 at the transaction layer).
 */
public interface TransportSender {

    /** Sends on an existing flow (a response back on the connection the request came on). */
    void send(Flow flow, byte[] message, SendResult result);

    /**
     * Sends to an address, reusing an open connection to it when one exists (RFC 3261 §18.1,
     * connection reuse) and opening one otherwise.
     */
    void send(Transport transport, InetSocketAddress remote, byte[] message, SendResult result);

    /** Callback for a send. */
    @FunctionalInterface
    interface SendResult {
        SendResult IGNORE = (flow, error) -> { };

        /** Called once: {@code error} is null on success; {@code flow} is the flow used when known. */
        void done(Flow flow, Throwable error);
    }
}
