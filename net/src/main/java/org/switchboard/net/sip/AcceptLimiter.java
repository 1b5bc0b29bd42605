package org.switchboard.net.sip;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits on a listening channel and sees each accepted connection before it is registered: over
 * a {@link ConnectionLimits} cap the connection is reset at once (SO_LINGER 0, so a flood leaves
 * no TIME_WAIT sockets), costing no event-loop registration and no buffers.
 */
final class AcceptLimiter extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AcceptLimiter.class);

    private final ConnectionLimits limits;
    private final TransportCounters.Meter meter;

    AcceptLimiter(ConnectionLimits limits, TransportCounters.Meter meter) {
        this.limits = limits;
        this.meter = meter;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Channel child && child.remoteAddress() instanceof InetSocketAddress remote) {
            InetAddress ip = remote.getAddress();
            if (!limits.tryAcquire(ip)) {
                meter.connectionsRefused.increment();
                log.debug("refused a connection from {}: connection cap reached", remote);
                try {
                    child.config().setOption(ChannelOption.SO_LINGER, 0);
                } catch (RuntimeException ignored) {
                    // still closed below, only without the reset
                }
                child.unsafe().closeForcibly();
                return;
            }
            child.closeFuture().addListener(f -> limits.release(ip));
        }
        ctx.fireChannelRead(msg);
    }
}
