package org.switchboard.net.sip;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.transport.Flow;

/**
 * The last handler of a TCP/TLS connection: delivers framed messages, answers keep-alive pings
 * with a CRLF pong (RFC 5626 §3.5.1, on accepted connections, where we are the server), closes
 * the connection on a framing error, after the idle timeout, and when an accepted connection has
 * not sent a whole message within the first-message timeout (slow or silent clients).
 */
final class StreamConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(StreamConnectionHandler.class);
    private static final byte[] PONG = {'\r', '\n'};

    private final StreamConnection connection;
    private final Delivery delivery;
    private final TransportCounters.Meter meter;
    private final Duration firstMessageTimeout;
    private ScheduledFuture<?> firstMessageTimer;
    private boolean counted;

    /** {@code firstMessageTimeout} is null for outbound connections. */
    StreamConnectionHandler(StreamConnection connection, Delivery delivery, TransportCounters.Meter meter,
                            Duration firstMessageTimeout) {
        this.connection = connection;
        this.delivery = delivery;
        this.meter = meter;
        this.firstMessageTimeout = firstMessageTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counted = true;
        meter.connectionsOpen.increment();
        if (firstMessageTimeout != null) {
            firstMessageTimer = ctx.executor().schedule(() -> {
                log.debug("closing {}: no complete message within {}", text(), firstMessageTimeout);
                ctx.close();
            }, firstMessageTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (counted) {
            counted = false;
            meter.connectionsOpen.decrement();
        }
        cancelFirstMessageTimer();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case byte[] message -> {
                cancelFirstMessageTimer();
                meter.received(message.length);
                Flow flow = connection.flow();
                if (flow != null) delivery.deliver(message, flow, meter);
            }
            case SipStreamDecoder.KeepAlive ping -> {
                meter.keepAlives.increment();
                if (connection.inbound()) ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG), ctx.voidPromise());
            }
            case SipStreamDecoder.FramingError error -> {
                if (error.oversize()) meter.oversizeDrops.increment();
                else meter.malformedDrops.increment();
                log.info("closing {}: {}", text(), error.reason());
                ctx.close();
            }
            default -> ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            log.debug("closing idle {}", text());
            ctx.close();
        } else if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            log.debug("TLS handshake with {} failed: {}", text(), String.valueOf(handshake.cause()));
        }
        ReferenceCountUtil.release(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        meter.errors.increment();
        log.debug("closing {} after an error: {}", text(), cause.toString());
        ctx.close();
    }

    private void cancelFirstMessageTimer() {
        if (firstMessageTimer != null) {
            firstMessageTimer.cancel(false);
            firstMessageTimer = null;
        }
    }

    private String text() {
        Flow flow = connection.flow();
        return flow != null ? flow.remoteText() : connection.toString();
    }
}
