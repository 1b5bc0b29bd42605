package org.switchboard.media.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.media.channel.LegAudio;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.PacketOut;
import org.switchboard.media.channel.PcmBridge;
import org.switchboard.media.channel.ToneSource;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.AudioEncoder;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.media.rtp.RtpWriter;

/**
 * One 20 ms packet time of terminated legs, in ticks per second on one thread; divided by 50 it
 * is the legs (or calls) one core carries in real time.
 *
 * <ul>
 *   <li>{@code leg}: one leg as voicemail or an IVR runs it: a packet from the phone into the
 *       jitter buffer, then a tick that plays out one frame (decode, in-band DTMF detection for
 *       G.711, a recording sink at the codec's rate) and sends one (a tone source, encode, RTP
 *       header). telephone-event is negotiated. {@code PCMU} and {@code G722}.</li>
 *   <li>{@code transcodedCall}: a whole transcoded call, PCMU on one side and G.722 on the other
 *       through a {@link PcmBridge}: two packets in, two ticks (both directions resampled).</li>
 * </ul>
 * Socket costs are not included (see {@code bench/rtp-relay} for those).
 *
 * <p>Figures (2026-11-26, 2 vCPU VM shared with other builds, load average about 3, Java 25,
 * two runs; the error bars are the machine's): {@code leg} PCMU 166,000-173,000 ticks/s, about
 * 3,400 legs per core; G722 14,500-16,000 ticks/s, about 300 legs per core, nearly all of it the
 * codec ({@code G722Bench} on the same machine: 39 µs to encode a frame, 18 µs to decode);
 * {@code transcodedCall} 9,500-12,000 ticks/s, about 200 transcoded calls per core. Run after
 * {@code mvn -pl media test-compile}:
 * <pre>
 * java -cp "media/target/test-classes:media/target/classes:$(deps)" \
 *     org.openjdk.jmh.Main LegAudioBench -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LegAudioBench {

    private static final long PTIME = 20_000_000L;

    /** A sink that keeps the last frame, as a recording's buffer would take it. */
    static final class Sink implements AudioSink {
        private final short[] last = new short[960];
        private final int rate;

        Sink(int rate) {
            this.rate = rate;
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public void write(short[] pcm, int off, int samples) {
            System.arraycopy(pcm, off, last, 0, Math.min(samples, last.length));
        }
    }

    /** Packets a phone sends: one second of a tone, pre-encoded, re-numbered as it repeats. */
    static final class Phone {
        private final int payloadType;
        private final byte[][] payloads = new byte[50][];
        private final byte[] packet = new byte[2048];
        private final int unitsPerFrame;
        private int sequence;
        private long timestamp;

        Phone(AudioCodec codec, int payloadType) {
            this.payloadType = payloadType;
            AudioEncoder encoder = codec.newEncoder();
            int n = codec.sampleRate() / 50;
            short[] pcm = new short[n];
            byte[] out = new byte[4000];
            for (int f = 0; f < payloads.length; f++) {
                for (int i = 0; i < n; i++) {
                    pcm[i] = (short) (10_000 * Math.sin(2 * Math.PI * 1000 * (f * n + i) / codec.sampleRate()));
                }
                int length = encoder.encode(pcm, 0, n, out, 0);
                payloads[f] = java.util.Arrays.copyOf(out, length);
            }
            unitsPerFrame = encoder.timestampUnits(n);
        }

        /** Writes the next packet and returns its length; the bytes are in {@link #packet}. */
        int next() {
            byte[] payload = payloads[sequence % payloads.length];
            int length = RtpWriter.writePacket(packet, 0, false, payloadType, sequence & 0xFFFF, timestamp, 0x5eed,
                    payload, 0, payload.length);
            sequence++;
            timestamp = (timestamp + unitsPerFrame) & 0xFFFF_FFFFL;
            return length;
        }
    }

    /** Where the legs' packets go: into the black hole. */
    static final class Out implements PacketOut {
        Blackhole hole;

        @Override
        public void rtp(byte[] packet, int offset, int length) {
            hole.consume(packet[offset + length - 1]);
        }

        @Override
        public void rtcp(byte[] packet, int offset, int length) {
            hole.consume(length);
        }
    }

    @State(Scope.Thread)
    public static class OneLeg {
        @Param({"PCMU", "G722"})
        public String codec;

        LegAudio leg;
        Phone phone;
        final Out out = new Out();
        long now = 1_000_000_000L;

        @Setup
        public void setUp() {
            AudioCodec c = codec.equals("PCMU") ? G711.PCMU : G722.INSTANCE;
            leg = new LegAudio(LegAudioConfig.of(c, c.staticPayloadType(), "bench").withTelephoneEvent(101, 8000),
                    LegAudioListener.IGNORE, new SplittableRandom(1), now);
            leg.record(new Sink(c.sampleRate()));
            leg.play(new ToneSource(ToneList.parse("350+440"), c.sampleRate()));
            phone = new Phone(c, c.staticPayloadType());
        }
    }

    @State(Scope.Thread)
    public static class TranscodedCall {
        LegAudio pcmu;
        LegAudio g722;
        Phone pcmuPhone;
        Phone g722Phone;
        final Out out = new Out();
        long now = 1_000_000_000L;

        @Setup
        public void setUp() {
            pcmu = new LegAudio(LegAudioConfig.of(G711.PCMU, 0, "a"), LegAudioListener.IGNORE, new SplittableRandom(1), now);
            g722 = new LegAudio(LegAudioConfig.of(G722.INSTANCE, 9, "b"), LegAudioListener.IGNORE,
                    new SplittableRandom(2), now);
            PcmBridge.connect(pcmu, g722);
            pcmuPhone = new Phone(G711.PCMU, 0);
            g722Phone = new Phone(G722.INSTANCE, 9);
        }
    }

    @Benchmark
    public void leg(OneLeg s, Blackhole hole) {
        s.out.hole = hole;
        s.now += PTIME;
        int length = s.phone.next();
        s.leg.onRtp(s.phone.packet, 0, length, s.now);
        s.leg.tick(s.now, 0, s.out);
    }

    @Benchmark
    public void transcodedCall(TranscodedCall s, Blackhole hole) {
        s.out.hole = hole;
        s.now += PTIME;
        int a = s.pcmuPhone.next();
        s.pcmu.onRtp(s.pcmuPhone.packet, 0, a, s.now);
        int b = s.g722Phone.next();
        s.g722.onRtp(s.g722Phone.packet, 0, b, s.now);
        s.pcmu.tick(s.now, 0, s.out);
        s.g722.tick(s.now, 0, s.out);
    }
}
