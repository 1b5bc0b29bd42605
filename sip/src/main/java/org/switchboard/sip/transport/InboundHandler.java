package org.switchboard.sip.transport;

/**
 * The inbound half: module {@code net} hands every complete SIP message (one UDP datagram,
 * or one Content-Length-framed message from a stream) to this handler with its flow.
 * Implementations must not block: they run on a network event loop.
 */
@FunctionalInterface
public interface InboundHandler {
    void onMessage(byte[] message, Flow flow);
}
