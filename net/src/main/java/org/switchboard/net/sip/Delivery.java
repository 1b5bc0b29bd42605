package org.switchboard.net.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.InboundHandler;

/**
 * Hands messages to the SIP stack on the event loop that read them (no thread hop), so that an
 * exception thrown by the stack never reaches Netty: it is logged at debug and counted.
 */
record Delivery(InboundHandler handler) {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    void deliver(byte[] message, Flow flow, TransportCounters.Meter meter) {
        try {
            handler.onMessage(message, flow);
        } catch (Exception | StackOverflowError e) {
            meter.errors.increment();
            log.debug("inbound handler failed on a message from {}", flow.remoteText(), e);
        }
    }
}
