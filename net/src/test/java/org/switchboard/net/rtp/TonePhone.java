package org.switchboard.net.rtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.AudioDecoder;
import org.switchboard.media.codec.AudioEncoder;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.Level;
import org.switchboard.media.rtp.RtpView;
import org.switchboard.media.rtp.RtpWriter;

/**
 * A fake phone that speaks a codec for the terminated-leg tests: it sends a tone as RTP paced
 * every 20 ms (a scheduled executor, as a phone's audio clock would), and receives and decodes
 * what the server sends it. One UDP socket on loopback.
 */
final class TonePhone implements AutoCloseable {

    static final long SSRC = 0x7070_7070L;

    final AudioCodec codec;
    final int payloadType;
    private final DatagramSocket socket;
    private final AudioEncoder encoder;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tone-phone-pacer");
        t.setDaemon(true);
        return t;
    });
    private int sequence = 1000;
    private long timestamp = 50_000;
    private long samples;

    TonePhone(AudioCodec codec, int payloadType) throws IOException {
        this.codec = codec;
        this.payloadType = payloadType;
        this.encoder = codec.newEncoder();
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(5_000);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The next 20 ms RTP packet of a sine of {@code hz} at -10 dBFS. */
    synchronized byte[] tonePacket(double hz) {
        int rate = codec.sampleRate();
        int n = rate / 50;
        short[] pcm = new short[n];
        double peak = Level.sinePeak(-10);
        for (int i = 0; i < n; i++) {
            pcm[i] = (short) Math.round(peak * Math.sin(2 * Math.PI * hz * (samples + i) / rate));
        }
        samples += n;
        byte[] payload = new byte[4000];
        int length = encoder.encode(pcm, 0, n, payload, 0);
        byte[] packet = new byte[12 + length];
        RtpWriter.writePacket(packet, 0, sequence == 1000, payloadType, sequence, timestamp, SSRC, payload, 0, length);
        sequence = (sequence + 1) & 0xFFFF;
        timestamp += encoder.timestampUnits(n);
        return packet;
    }

    /** A packet this phone would send next on {@code payloadType}, with {@code payload}, for events. */
    synchronized byte[] packet(int pt, boolean marker, long ts, byte[] payload) {
        byte[] packet = new byte[12 + payload.length];
        RtpWriter.writePacket(packet, 0, marker, pt, sequence, ts, SSRC, payload, 0, payload.length);
        sequence = (sequence + 1) & 0xFFFF;
        return packet;
    }

    synchronized long timestamp() {
        return timestamp;
    }

    /** Sends {@code count} packets made by {@code next} every 20 ms; the latch opens after the last. */
    CountDownLatch sendPaced(int count, SocketAddress to, PacketMaker next) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger sent = new AtomicInteger();
        pacer.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= count) {
                done.countDown();
                throw new IllegalStateException("done");  // ends the schedule
            }
            try {
                send(next.packet(i), to);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        return done;
    }

    /** Makes the {@code i}th packet of a paced run. */
    @FunctionalInterface
    interface PacketMaker {
        byte[] packet(int i);
    }

    void send(byte[] data, SocketAddress to) throws IOException {
        socket.send(new DatagramPacket(data, data.length, to));
    }

    /** The next datagram, with its arrival time; waits up to 5 s. */
    Received receive() throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        socket.receive(p);
        return new Received(Arrays.copyOf(p.getData(), p.getLength()), System.nanoTime());
    }

    record Received(byte[] data, long atNanos) {
        RtpView view() {
            RtpView v = new RtpView();
            v.wrap(data, 0, data.length);
            return v;
        }
    }

    /** Decodes the packets of our codec's payload type, in order. */
    short[] decode(List<Received> packets) {
        AudioDecoder decoder = codec.newDecoder();
        List<short[]> frames = new ArrayList<>();
        int total = 0;
        for (Received r : packets) {
            RtpView v = r.view();
            if (v.isValid() && v.payloadType() == payloadType) {
                short[] f = new short[decoder.maxSamples(v.payloadLength())];
                int n = decoder.decode(v.buffer(), v.payloadOffset(), v.payloadLength(), f, 0);
                frames.add(Arrays.copyOf(f, n));
                total += n;
            }
        }
        short[] all = new short[total];
        int at = 0;
        for (short[] f : frames) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        return all;
    }

    static double levelDb(short[] pcm, int from, int to, double hz, int rate) {
        return new Goertzel(hz, rate).powerDb(pcm, from, to - from);
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        socket.close();
    }
}
