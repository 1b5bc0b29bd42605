package org.switchboard.net.sip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;

/**
 * Answers STUN Binding requests that arrive on the SIP UDP port: RFC 5626 §4.4.2 and §8.4
 * make STUN the keep-alive of SIP over UDP, and the answer's XOR-MAPPED-ADDRESS (RFC 5389
 * §15.2) tells the client its public address, so it can notice a NAT rebinding.
 */
final class StunBinding {

    static final int MAGIC_COOKIE = 0x2112A442;
    private static final int HEADER = 20;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int BINDING_SUCCESS = 0x0101;
    private static final int XOR_MAPPED_ADDRESS = 0x0020;

    private StunBinding() { }

    /** Whether the datagram looks like STUN: the first two bits are zero, never so for a SIP start line. */
    static boolean looksLikeStun(ByteBuf datagram) {
        return datagram.readableBytes() >= HEADER
                && (datagram.getByte(datagram.readerIndex()) & 0xC0) == 0
                && datagram.getInt(datagram.readerIndex() + 4) == MAGIC_COOKIE;
    }

    /**
     * The Binding success response to {@code request} from {@code sender}, or null when the
     * datagram is not a well-formed Binding request (then it is dropped unanswered).
     */
    static ByteBuf response(ByteBuf request, InetSocketAddress sender, ByteBufAllocator alloc) {
        int at = request.readerIndex();
        int length = request.getUnsignedShort(at + 2);
        if (!looksLikeStun(request) || request.getUnsignedShort(at) != BINDING_REQUEST
                || length != request.readableBytes() - HEADER || (length & 3) != 0 || sender.getAddress() == null) {
            return null;
        }
        byte[] ip = sender.getAddress().getAddress();
        int valueLength = 4 + ip.length;
        ByteBuf out = alloc.buffer(HEADER + 4 + valueLength);
        out.writeShort(BINDING_SUCCESS);
        out.writeShort(4 + valueLength);
        out.writeInt(MAGIC_COOKIE);
        out.writeBytes(request, at + 8, 12); // transaction id
        out.writeShort(XOR_MAPPED_ADDRESS);
        out.writeShort(valueLength);
        out.writeByte(0);
        out.writeByte(ip.length == 4 ? 0x01 : 0x02);
        out.writeShort(sender.getPort() ^ (MAGIC_COOKIE >>> 16));
        for (int i = 0; i < ip.length; i++) {
            // XOR with the cookie, then (IPv6) with the transaction id: the bytes 4..19 of the header.
            out.writeByte(ip[i] ^ out.getByte(4 + i));
        }
        return out;
    }
}
