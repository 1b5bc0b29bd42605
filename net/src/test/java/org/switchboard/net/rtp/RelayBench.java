package org.switchboard.net.rtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.switchboard.media.relay.MediaConfig;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaStats;
import org.switchboard.media.relay.PortRange;

/**
 * RTP relay benchmark (not a test; see {@code bench/rtp-relay/README.md}). N calls, each two
 * fake phones sending 172-byte G.711 packets every 20 ms both ways through bridged endpoints on
 * loopback. Prints relayed packets/s, packets per CPU-second of the relay threads and of the whole
 * process (phones included), and the added latency: receive time minus the send time carried in
 * the payload, same clock.
 *
 * <p>Arguments: {@code calls=1100 seconds=20 warmup=5 relayThreads=1 phoneThreads=1 ports=12000-21999}.
 */
public final class RelayBench {

    private static final int PACKET = 172;
    private static final long PTIME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Map<Thread, LatencyHistogram> histograms = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new ConcurrentHashMap<>(Map.of("calls", "1100", "seconds", "20", "warmup", "5",
                "relayThreads", "1", "phoneThreads", "1", "ports", "12000-21999"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2 || !opt.containsKey(kv[0])) throw new IllegalArgumentException("unknown argument " + a);
            opt.put(kv[0], kv[1]);
        }
        new RelayBench().run(Integer.parseInt(opt.get("calls")), Integer.parseInt(opt.get("seconds")),
                Integer.parseInt(opt.get("warmup")), Integer.parseInt(opt.get("relayThreads")),
                Integer.parseInt(opt.get("phoneThreads")), PortRange.parse(opt.get("ports")));
    }

    private void run(int calls, int seconds, int warmup, int relayThreads, int phoneThreads, PortRange ports)
            throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        MediaConfig config = MediaConfig.defaults().withPorts(ports).withMediaTimeout(Duration.ZERO);
        boolean epoll = Epoll.isAvailable();
        var phones = new MultiThreadIoEventLoopGroup(phoneThreads, new DefaultThreadFactory("phone", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try (NettyMediaEndpoints media = NettyMediaEndpoints.start(RtpConfig.of(loopback, config).withIoThreads(relayThreads))) {
            List<Channel> phoneChannels = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                EventLoop loop = phones.next();
                MediaEndpoint a = media.allocate("a" + c, "call" + c, t -> { });
                MediaEndpoint b = media.allocate("b" + c, "call" + c, t -> { });
                Channel pa = phone(loop, epoll, a.localRtp());
                Channel pb = phone(loop, epoll, b.localRtp());
                a.expectRemote((InetSocketAddress) pa.localAddress(), null);
                b.expectRemote((InetSocketAddress) pb.localAddress(), null);
                a.describe(0, 8000);
                b.describe(0, 8000);
                media.bridge(a, b);
                long offset = ThreadLocalRandom.current().nextLong(PTIME_NANOS);
                Stream sa = new Stream(pa);
                Stream sb = new Stream(pb);
                loop.scheduleAtFixedRate(() -> {
                    sa.send();
                    sb.send();
                }, offset, PTIME_NANOS, TimeUnit.NANOSECONDS);
                phoneChannels.add(pa);
                phoneChannels.add(pb);
            }
            System.out.printf("transport %s, %d calls (%d relay sockets), offered %,d packets/s, relay threads %d, "
                    + "phone threads %d, cores %d, load average %s%n", epoll ? "epoll" : "nio", calls, calls * 4,
                    calls * 100, relayThreads, phoneThreads, Runtime.getRuntime().availableProcessors(), loadAverage());
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));

            measuring = true;
            Snapshot start = snapshot(media);
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            Snapshot end = snapshot(media);
            measuring = false;
            report(start, end, media);
            phones.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** A phone: a UDP socket connected to its relay port (as cheap as a load generator gets). */
    private Channel phone(EventLoop loop, boolean epoll, InetSocketAddress relay) {
        return new Bootstrap().group(loop).channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
                        long now = System.nanoTime();
                        received.increment();
                        if (measuring) {
                            histograms.computeIfAbsent(Thread.currentThread(), t -> new LatencyHistogram())
                                    .record(now - p.content().getLong(p.content().readerIndex() + 12));
                        }
                    }
                }).connect(relay, new InetSocketAddress(relay.getAddress(), 0)).syncUninterruptibly().channel();
    }

    /** One phone's RTP stream: sequence numbers and timestamps advance as a real one's do (the relay's statistics read them). */
    private final class Stream {
        private final Channel phone;
        private int sequence = ThreadLocalRandom.current().nextInt(65_536);
        private int timestamp = ThreadLocalRandom.current().nextInt();

        Stream(Channel phone) {
            this.phone = phone;
        }

        /** On the phone's loop. */
        void send() {
            ByteBuf b = phone.alloc().directBuffer(PACKET);
            b.writeByte(0x80).writeByte(0).writeShort(sequence).writeInt(timestamp).writeInt(phone.hashCode());
            b.writeZero(PACKET - 12);
            b.setLong(12, System.nanoTime());
            sequence = (sequence + 1) & 0xFFFF;
            timestamp += 160;
            sent.increment();
            phone.writeAndFlush(b, phone.voidPromise());
        }
    }

    /** The 1-minute load average: other processes on the machine inflate the latency tail. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format("%.2f", load);
    }

    private record Snapshot(long nanos, long relayCpu, long processCpu, long relayed, long sent, long received) {
    }

    private Snapshot snapshot(NettyMediaEndpoints media) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long relayCpu = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("rtp-io")) relayCpu += Math.max(0, threads.getThreadCpuTime(t.threadId()));
        }
        long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long relayed = media.stats().stream().mapToLong(MediaStats::packetsOut).sum();
        return new Snapshot(System.nanoTime(), relayCpu, processCpu, relayed, sent.sum(), received.sum());
    }

    private void report(Snapshot s, Snapshot e, NettyMediaEndpoints media) {
        double wall = (e.nanos() - s.nanos()) / 1e9;
        long relayed = e.relayed() - s.relayed();
        double relayCpu = (e.relayCpu() - s.relayCpu()) / 1e9;
        double processCpu = (e.processCpu() - s.processCpu()) / 1e9;
        long lost = (e.sent() - s.sent()) - (e.received() - s.received());
        LatencyHistogram all = new LatencyHistogram();
        histograms.values().forEach(all::add);
        long dropped = media.stats().stream().mapToLong(MediaStats::dropped).sum();
        System.out.printf("measured %.1f s: relayed %,d packets = %,.0f packets/s%n", wall, relayed, relayed / wall);
        System.out.printf("relay threads CPU %.2f s (%.0f%% of one core): %,.0f packets per relay CPU-second%n",
                relayCpu, 100 * relayCpu / wall, relayed / relayCpu);
        System.out.printf("whole process CPU %.2f s (phones included): %,.0f relayed packets per process CPU-second%n",
                processCpu, relayed / processCpu);
        System.out.printf("added latency (send to receive, through the relay) over %,d packets: p50 %.0f us, "
                + "p90 %.0f us, p99 %.0f us, p99.9 %.0f us, max %.0f us%n", all.count(), all.percentileMicros(0.50),
                all.percentileMicros(0.90), all.percentileMicros(0.99), all.percentileMicros(0.999), all.maxMicros());
        System.out.printf("sent-received in window %,d (in flight or lost), relay drops %,d, load average %s%n", lost,
                dropped, loadAverage());
    }
}
