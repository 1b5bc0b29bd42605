package org.switchboard.net.sip;

import io.netty.channel.Channel;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Sends a SIP datagram from the calling thread, with one {@code sendto(2)} on the native
 * socket of a Netty epoll channel, instead of queueing it on the channel's event loop.
 *
 * <p>Why: responses are written by the SIP shard threads. Through {@code writeAndFlush} each
 * one becomes a task on the event loop, which must be woken, must copy the bytes into a direct
 * buffer and must then call {@code sendto} itself; in a registration storm that is a thread
 * hop per response. A datagram send is one atomic system call that the kernel allows from any
 * thread on a shared socket, so this path does the same work in place (as Kamailio's workers do).
 *
 * <p>Used only when it can be done safely: an epoll channel (not NIO) and a platform thread,
 * which keeps one direct buffer for its sends; virtual threads would each need their own, so
 * they take the channel's path. A send that would block (socket buffer full) reports false and
 * the caller queues it on the channel, which waits for the socket to be writable. Datagrams carry
 * no order, so mixing both paths changes nothing a peer may rely on (RFC 3261 §18.1.1).
 */
final class DirectDatagram {

    /** The first buffer of a thread; it grows to the largest message the thread sent (at most 64 KiB). */
    private static final int INITIAL_BUFFER = 4096;

    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(INITIAL_BUFFER));

    private DirectDatagram() { }

    /** True when {@code channel} can be sent on directly (a native Unix datagram socket). */
    static boolean supported(Channel channel) {
        return channel instanceof UnixChannel u && u.fd() instanceof Socket;
    }

    /**
     * Sends {@code message} to {@code remote} on {@code channel}'s socket now. Returns false,
     * having sent nothing, when the caller must use the channel instead (a virtual thread, a
     * socket buffer full, a closed socket).
     *
     * @throws IOException when the kernel refuses the datagram (unreachable, too big, ...)
     */
    static boolean send(Channel channel, byte[] message, InetSocketAddress remote) throws IOException {
        if (message.length == 0 || Thread.currentThread().isVirtual() || !(channel instanceof UnixChannel u)) return false;
        FileDescriptor fd = u.fd();
        if (!(fd instanceof Socket socket) || !fd.isOpen()) return false;
        ByteBuffer buffer = buffer(message.length);
        buffer.clear();
        buffer.put(message).flip();
        int sent = socket.sendTo(buffer, 0, message.length, remote.getAddress(), remote.getPort());
        return sent > 0;
    }

    private static ByteBuffer buffer(int size) {
        ByteBuffer b = BUFFERS.get();
        if (b.capacity() < size) {
            b = ByteBuffer.allocateDirect(Math.max(size, Math.min(b.capacity() * 2, 65_536)));
            BUFFERS.set(b);
        }
        return b;
    }
}
