package org.switchboard.net.sip;

import io.netty.channel.Channel;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

/**
 * One TCP or TLS connection, accepted or opened by us, as the connection table knows it.
 * {@code ready} completes with the channel once it is connected (at once for accepted ones), so
 * that sends made while an outbound connection is still opening wait for it instead of
 * opening a second one (RFC 3261 §18.1 connection reuse); for outbound TLS it completes after
 * the handshake. {@code flow} is set when connected.
 */
final class StreamConnection {

    /**
     * The connection table's key: the peer's address and, for outbound TLS to a host name, that
     * name, because a connection whose certificate was checked for one name must not carry
     * requests meant for another name at the same address (RFC 5923 §5).
     */
    record Key(InetSocketAddress address, String verifiedName) { }

    private final Transport transport;
    private final InetSocketAddress remote;
    private final Key key;
    private final boolean inbound;
    private final Promise<Channel> ready;
    private volatile Flow flow;

    private StreamConnection(Transport transport, Key key, boolean inbound, Promise<Channel> ready) {
        this.transport = transport;
        this.remote = key.address();
        this.key = key;
        this.inbound = inbound;
        this.ready = ready;
    }

    /** An accepted connection: ready now. */
    static StreamConnection accepted(Transport transport, Channel channel) {
        InetSocketAddress remote = Ipv6Scope.stripZero((InetSocketAddress) channel.remoteAddress());
        StreamConnection c = new StreamConnection(transport, new Key(remote, null), true, channel.eventLoop().newPromise());
        c.flow = new Flow(transport, Ipv6Scope.stripZero((InetSocketAddress) channel.localAddress()), remote);
        c.ready.setSuccess(channel);
        return c;
    }

    /** An outbound connection about to be opened; {@link #connected} or {@link #failed} completes it. */
    static StreamConnection opening(Transport transport, Key key, Promise<Channel> ready) {
        return new StreamConnection(transport, key, false, ready);
    }

    void connected(Channel channel) {
        flow = new Flow(transport, Ipv6Scope.stripZero((InetSocketAddress) channel.localAddress()), remote);
        ready.trySuccess(channel);
    }

    void failed(Throwable cause) {
        ready.tryFailure(cause);
    }

    Key key() { return key; }
    boolean inbound() { return inbound; }
    Promise<Channel> ready() { return ready; }

    /** The flow once connected, else null. */
    Flow flow() { return flow; }

    /** Still usable: opening, or connected and open. */
    boolean usable() {
        if (!ready.isDone()) return true;
        Channel channel = ready.getNow();
        return channel != null && channel.isActive();
    }

    @Override
    public String toString() {
        return (inbound ? "accepted " : "outbound ") + transport + " " + remote;
    }
}
