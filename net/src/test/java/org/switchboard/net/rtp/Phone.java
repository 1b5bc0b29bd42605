package org.switchboard.net.rtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** A fake phone for tests: one UDP socket on loopback that sends and receives RTP-shaped packets. */
final class Phone implements AutoCloseable {

    private final DatagramSocket socket;

    Phone(String ip) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(ip, 0));
        socket.setSoTimeout(5_000);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** A 172-byte G.711 RTP packet (12-byte header, 160 bytes of audio) with {@code seq} in it. */
    static byte[] rtp(int seq) {
        ByteBuffer b = ByteBuffer.allocate(172);
        b.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt(0x5eed);
        while (b.hasRemaining()) b.put((byte) (seq + b.position()));
        return b.array();
    }

    /** An RTCP receiver report with no report blocks (RFC 3550 §6.4.2). */
    static byte[] rtcp(int ssrc) {
        return ByteBuffer.allocate(8).put((byte) 0x80).put((byte) 201).putShort((short) 1).putInt(ssrc).array();
    }

    void send(byte[] data, SocketAddress to) throws IOException {
        socket.send(new DatagramPacket(data, data.length, to));
    }

    /** Blocks up to 5 s for the next datagram. */
    Received receive() throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        socket.receive(p);
        return new Received(Arrays.copyOf(p.getData(), p.getLength()), (InetSocketAddress) p.getSocketAddress());
    }

    record Received(byte[] data, InetSocketAddress from) {
    }

    @Override
    public void close() {
        socket.close();
    }
}
