package org.switchboard.net.sip;

import io.netty.channel.Channel;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The event loops and channel classes: native epoll on Linux when its library loads (fewer
 * copies, SO_REUSEPORT), the JDK's NIO otherwise. The threads are daemon threads named
 * {@code sip-io-N}; they run every handler of module net, and nothing on them blocks.
 */
record IoRuntime(IoEventLoopGroup group, int threads, boolean epoll,
                 Class<? extends ServerChannel> serverChannel,
                 Class<? extends Channel> socketChannel,
                 Class<? extends DatagramChannel> datagramChannel) {

    static IoRuntime create(int threads) {
        DefaultThreadFactory names = new DefaultThreadFactory("sip-io", true);
        if (Epoll.isAvailable()) {
            return new IoRuntime(new MultiThreadIoEventLoopGroup(threads, names, EpollIoHandler.newFactory()), threads,
                    true, EpollServerSocketChannel.class, EpollSocketChannel.class, EpollDatagramChannel.class);
        }
        return new IoRuntime(new MultiThreadIoEventLoopGroup(threads, names, NioIoHandler.newFactory()), threads,
                false, NioServerSocketChannel.class, NioSocketChannel.class, NioDatagramChannel.class);
    }
}
