package org.switchboard.net.rtp;

import io.netty.buffer.ByteBuf;
import org.switchboard.media.record.Party;

/**
 * Where one endpoint's received RTP meets a call's recorder ({@link NettyCallTap}): set in
 * {@link NettyMediaEndpoint#tap} on the endpoint's loop and read there per packet, so an
 * endpoint without a tap pays one null check. A plain packet of the fast path is copied once
 * into this point's own array (the buffer itself goes on to the partner untouched).
 */
final class TapPoint {

    final NettyCallTap owner;
    final Party party;
    private final byte[] scratch;

    TapPoint(NettyCallTap owner, Party party, int maxPacketSize) {
        this.owner = owner;
        this.party = party;
        this.scratch = new byte[maxPacketSize];
    }

    /** A plain RTP packet the latch accepted, still in the socket's buffer. */
    void rtp(ByteBuf content, int length, long nowNanos) {
        int n = Math.min(length, scratch.length);
        content.getBytes(content.readerIndex(), scratch, 0, n);
        owner.rtp(party, scratch, 0, n, nowNanos);
    }

    /** An RTP packet the latch accepted, decrypted or copied already. */
    void rtp(byte[] bytes, int offset, int length, long nowNanos) {
        owner.rtp(party, bytes, offset, length, nowNanos);
    }
}
