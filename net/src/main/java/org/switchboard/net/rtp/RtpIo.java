package org.switchboard.net.rtp;

import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * The media event loops, apart from SIP's so a burst of signalling never delays a packet:
 * native epoll on Linux when its library loads, the JDK's NIO otherwise. Daemon threads named
 * {@code rtp-io-N}; nothing on them blocks.
 */
record RtpIo(IoEventLoopGroup group, EventLoop[] loops, boolean epoll, Class<? extends DatagramChannel> datagramChannel) {

    static RtpIo create(int threads) {
        DefaultThreadFactory names = new DefaultThreadFactory("rtp-io", true);
        boolean epoll = Epoll.isAvailable();
        IoEventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, names,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        List<EventLoop> loops = new ArrayList<>(threads);
        for (EventExecutor e : group) loops.add((EventLoop) e);
        return new RtpIo(group, loops.toArray(EventLoop[]::new), epoll,
                epoll ? EpollDatagramChannel.class : NioDatagramChannel.class);
    }

    /** The loop for a call: every leg allocated with the same key gets the same one. */
    EventLoop loopFor(String callKey) {
        return loops[Math.floorMod(callKey.hashCode(), loops.length)];
    }
}
