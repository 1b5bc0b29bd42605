package org.switchboard.app.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSender;

/**
 * Breaks the construction cycle between the SIP stack (which needs a sender) and the
 * transports (which need the stack as their inbound handler): the stack is built with this
 * sender, which forwards to the transports once they are bound.
 */
final class LateBoundSender implements TransportSender {
    private volatile TransportSender target;

    void bind(TransportSender sender) { this.target = sender; }

    @Override
    public void send(Flow flow, byte[] message, SendResult result) {
        TransportSender t = target;
        if (t == null) result.done(flow, new IOException("SIP transports are not started"));
        else t.send(flow, message, result);
    }

    @Override
    public void send(Transport transport, InetSocketAddress remote, byte[] message, SendResult result) {
        TransportSender t = target;
        if (t == null) result.done(null, new IOException("SIP transports are not started"));
        else t.send(transport, remote, message, result);
    }
}
