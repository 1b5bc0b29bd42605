package org.switchboard.net.rtp;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaEndpoints;
import org.switchboard.media.relay.MediaStats;
import org.switchboard.media.relay.MediaTimeout;
import org.switchboard.media.relay.MediaTimeoutListener;
import org.switchboard.media.relay.NoMediaPortsException;
import org.switchboard.media.relay.PortPair;
import org.switchboard.media.relay.PortPool;
import org.switchboard.media.relay.SilenceSweep;
import org.switchboard.media.record.CallTap;
import org.switchboard.media.record.RecordingFormat;
import org.switchboard.media.record.TapListener;

/**
 * Anchored media on Netty: the {@link MediaEndpoints} the B2BUA is given. Each leg binds an
 * RTP and an RTCP UDP socket from the {@link PortPool}; legs allocated with the same call key
 * share an event loop, so a bridged packet goes out of the other leg's socket on the thread
 * that read it. A sweep on one event loop reports legs whose RTP stopped
 * ({@link SilenceSweep}); listeners are called on virtual threads. An endpoint may be switched to
 * end its media in the server ({@link MediaEndpoint#terminate}); each loop then ticks its
 * terminated legs ({@link LegTicker}), and the recorders of its calls ({@link #tap}).
 *
 * <p>Methods may be called from any thread except a media event loop ({@link #allocate} and
 * {@link MediaEndpoint#expectRemote} wait for the loop).
 */
public final class NettyMediaEndpoints implements MediaEndpoints {

    private static final Logger log = LoggerFactory.getLogger(NettyMediaEndpoints.class);
    /** Pairs tried per allocation when binding fails (a port taken by another program). */
    private static final int BIND_ATTEMPTS = 8;
    private static final long STOP_SECONDS = 10;

    private final RtpConfig config;
    private final RtpIo io;
    private final PortPool pool;
    private final InstantSource clock;
    private final SilenceSweep sweep;
    private final Set<NettyMediaEndpoint> open = ConcurrentHashMap.newKeySet();
    private final Map<NettyMediaEndpoint, Boolean> closingSockets = new ConcurrentHashMap<>();
    private final Object bridges = new Object();
    private final ScheduledFuture<?> sweeper;
    private final Map<EventLoop, LegTicker> tickers;
    private volatile boolean closed;

    private NettyMediaEndpoints(RtpConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        this.io = RtpIo.create(config.threads());
        this.pool = new PortPool(config.media().ports(), config.media().portQuarantine(), System::nanoTime);
        this.sweep = new SilenceSweep(config.media().mediaTimeout());
        long every = config.media().sweepInterval().toNanos();
        this.sweeper = sweep.enabled()
                ? io.loops()[0].scheduleAtFixedRate(this::sweepSilence, every, every, TimeUnit.NANOSECONDS) : null;
        Map<EventLoop, LegTicker> perLoop = new IdentityHashMap<>();
        for (EventLoop loop : io.loops()) perLoop.put(loop, new LegTicker(loop, clock));
        this.tickers = perLoop;
        SrtpCiphers.prepare();
    }

    /** Starts the media event loops; sockets are bound per leg by {@link #allocate}. */
    public static NettyMediaEndpoints start(RtpConfig config) {
        return start(config, InstantSource.system());
    }

    /** As {@link #start(RtpConfig)}, with the wall clock used for {@link MediaStats#lastRtp()}. */
    public static NettyMediaEndpoints start(RtpConfig config, InstantSource clock) {
        return new NettyMediaEndpoints(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    }

    RtpConfig config() {
        return config;
    }

    InstantSource clock() {
        return clock;
    }

    /** The media clock of {@code loop}, which ticks its terminated legs. */
    LegTicker ticker(EventLoop loop) {
        return tickers.get(loop);
    }

    /** Whether the native epoll transport is in use (else NIO). */
    public boolean nativeTransport() {
        return io.epoll();
    }

    @Override
    public MediaEndpoint allocate(String legId, String callKey, MediaTimeoutListener onTimeout)
            throws NoMediaPortsException {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(callKey, "callKey");
        Objects.requireNonNull(onTimeout, "onTimeout");
        IOException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            if (closed) throw new NoMediaPortsException("media is shutting down");
            PortPair pair = pool.allocate(legId);
            NettyMediaEndpoint endpoint = new NettyMediaEndpoint(this, legId, pair, io.loopFor(callKey), onTimeout,
                    config.bindAddress());
            try {
                endpoint.bind(io);
                open.add(endpoint);
                if (closed) {
                    endpoint.close();
                    throw new NoMediaPortsException("media is shutting down");
                }
                return endpoint;
            } catch (IOException | RuntimeException e) {
                pool.release(pair);
                last = e instanceof IOException io ? io : new IOException(e.toString(), e);
                log.warn("media ports {} unavailable, trying another pair: {}", pair, e.getMessage());
            }
        }
        throw new NoMediaPortsException("could not bind any of " + BIND_ATTEMPTS + " RTP/RTCP pairs on "
                + config.bindAddress().getHostAddress() + " (ports used by another program, or a wrong bind address?): "
                + last.getMessage(), last);
    }

    @Override
    public boolean bridge(MediaEndpoint a, MediaEndpoint b) {
        NettyMediaEndpoint x = own(a);
        NettyMediaEndpoint y = own(b);
        if (x == y) throw new IllegalArgumentException("cannot bridge " + x + " with itself");
        synchronized (bridges) {
            if (!x.isOpen() || !y.isOpen()) return false;
            detach(x);
            detach(y);
            long now = System.nanoTime();
            x.peer = y;
            y.peer = x;
            x.silence.bridged(true, now);
            y.silence.bridged(true, now);
        }
        return true;
    }

    @Override
    public CallTap tap(MediaEndpoint caller, RecordingFormat callerFormat, MediaEndpoint callee,
                       RecordingFormat calleeFormat, Executor callExecutor, TapListener listener) {
        NettyMediaEndpoint x = own(caller);
        NettyMediaEndpoint y = own(callee);
        Objects.requireNonNull(callerFormat, "callerFormat");
        Objects.requireNonNull(calleeFormat, "calleeFormat");
        Objects.requireNonNull(listener, "listener");
        if (x == y) throw new IllegalArgumentException("cannot record " + x + " with itself");
        if (x.loop() != y.loop()) {
            throw new IllegalArgumentException("legs " + x.legId() + " and " + y.legId()
                    + " run on different media threads: allocate both with the call's key");
        }
        NettyCallTap tap = new NettyCallTap(x, callerFormat, y, calleeFormat, callExecutor, listener);
        tap.start();
        return tap;
    }

    @Override
    public void unbridge(MediaEndpoint endpoint) {
        NettyMediaEndpoint x = own(endpoint);
        synchronized (bridges) {
            detach(x);
        }
    }

    private void detach(NettyMediaEndpoint x) {
        NettyMediaEndpoint partner = x.peer;
        if (partner == null) return;
        long now = System.nanoTime();
        partner.peer = null;
        partner.silence.bridged(false, now);
        x.peer = null;
        x.silence.bridged(false, now);
    }

    private NettyMediaEndpoint own(MediaEndpoint e) {
        if (e instanceof NettyMediaEndpoint n && n.owner() == this) return n;
        throw new IllegalArgumentException("not an endpoint of this media layer: " + e);
    }

    /** From {@link NettyMediaEndpoint#close}: no longer open, sockets closing. */
    void closing(NettyMediaEndpoint endpoint) {
        synchronized (bridges) {
            detach(endpoint);
        }
        open.remove(endpoint);
        closingSockets.put(endpoint, Boolean.TRUE);
    }

    /** Both sockets are closed: the ports may go back to the pool. */
    void closed(NettyMediaEndpoint endpoint) {
        pool.release(endpoint.ports());
        closingSockets.remove(endpoint);
    }

    @Override
    public int allocatedPairs() {
        return pool.allocated();
    }

    /** Pairs in use and their legs: the leak report. */
    public Map<PortPair, String> pairsInUse() {
        return pool.inUse();
    }

    @Override
    public List<MediaStats> stats() {
        List<MediaStats> all = new ArrayList<>(open.size());
        for (NettyMediaEndpoint e : open) all.add(e.stats());
        all.sort(Comparator.comparingInt(s -> s.ports().rtp()));
        return all;
    }

    private void sweepSilence() {
        try {
            for (SilenceSweep.Silent<NettyMediaEndpoint> s : sweep.sweep(open, e -> e.silence, System.nanoTime())) {
                NettyMediaEndpoint e = s.endpoint();
                MediaTimeout timeout = new MediaTimeout(e.legId(), s.silence(), e.stats());
                Thread.ofVirtual().name("media-timeout-" + e.legId()).start(() -> {
                    try {
                        e.onTimeout.onMediaTimeout(timeout);
                    } catch (RuntimeException ex) {
                        log.warn("media timeout listener of {} failed", e.legId(), ex);
                    }
                });
            }
        } catch (RuntimeException ex) {
            log.warn("media timeout sweep failed", ex);
        }
    }

    /** Closes every endpoint, waits for its ports to return, and stops the media threads. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (sweeper != null) sweeper.cancel(false);
        for (NettyMediaEndpoint e : List.copyOf(open)) e.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
        for (NettyMediaEndpoint e : List.copyOf(closingSockets.keySet())) {
            for (var side : new RelaySide[] {e.rtp, e.rtcp}) {
                side.channel.closeFuture().awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
            }
        }
        Future<?> stop = io.group().shutdownGracefully(0, STOP_SECONDS, TimeUnit.SECONDS);
        stop.awaitUninterruptibly(STOP_SECONDS, TimeUnit.SECONDS);
    }
}
