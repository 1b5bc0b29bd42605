package org.switchboard.net.rtp;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import org.switchboard.media.relay.LatchPolicy;
import org.switchboard.media.relay.SourceLatch;

/**
 * One socket of a leg, RTP or RTCP: its channel and its latch. The latch belongs to the leg's
 * event loop; what other threads need of it (where to send, what was learned) is mirrored in
 * volatile fields whenever it changes.
 *
 * <p>Once the latch locks, the socket is connected to the locked source: from then on the
 * kernel discards datagrams from any other source before they cost a system call (RTP bleed
 * spraying included; they are no longer counted), and sends skip the per-packet route lookup.
 * A new SDP address disconnects it and learning starts again.
 */
final class RelaySide {

    final SourceLatch latch;
    /** Set once bound, before the endpoint is handed out. */
    Channel channel;
    /** Where packets for this leg's phone go: the learned source, else the SDP address, else null. */
    volatile InetSocketAddress destination;
    volatile InetSocketAddress learned;
    volatile boolean locked;
    /** Connected to {@link #learned}: writes carry no address. */
    volatile boolean connected;
    /** A connect was issued (the loop's own view; {@link #connected} follows when it succeeds). */
    private boolean connecting;

    RelaySide(LatchPolicy policy) {
        latch = new SourceLatch(policy);
    }

    /** On the event loop: a new SDP hint from signalling. */
    void expect(InetSocketAddress announced) {
        if (!latch.expect(announced)) return;
        if (connecting) {
            connecting = false;
            connected = false;
            channel.disconnect();
        }
        mirror();
    }

    /** On the event loop, per packet: whether the latch takes it. */
    boolean accept(InetSocketAddress from) {
        if (!latch.accept(from)) return false;
        if (latch.source() != learned || (!locked && latch.state() == SourceLatch.State.LOCKED)) mirror();
        return true;
    }

    private void mirror() {
        learned = latch.source();
        locked = latch.state() == SourceLatch.State.LOCKED;
        destination = latch.destination();
        if (locked && !connecting) {
            connecting = true;
            InetSocketAddress to = learned;
            channel.connect(to).addListener(f -> connected = f.isSuccess() && connecting && to.equals(learned));
        }
    }
}
