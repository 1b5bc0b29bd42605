package org.switchboard.media.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.AudioDecoder;
import org.switchboard.media.codec.AudioEncoder;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.wav.WavReader;

/** A recorder fed with a synthetic call on a virtual clock: packets every 20 ms, ticks every 10 ms. */
class StereoRecorderTest {

    private static final long MS = 1_000_000L;
    private static final int TE = 101;

    @TempDir Path dir;

    private final List<String> heard = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final TapListener listener = new TapListener() {
        @Override
        public void onDigit(Party party, DtmfEvent event) {
            heard.add(party + " " + event.digit().symbol());
        }

        @Override
        public void onRecordingFailed(AudioStereoSink sink, String reason) {
            failures.add(reason);
        }
    };

    /** Two seconds of a call: the caller says 440 Hz, the callee 1 kHz; each channel holds only its party. */
    @Test
    void eachPartyIsOnItsOwnChannelForTheRealDuration() throws IOException {
        PhoneStream caller = new PhoneStream(G711.PCMU, 0, 0x1111);
        PhoneStream callee = new PhoneStream(G711.PCMA, 8, 0x2222);
        StereoRecorder recorder = new StereoRecorder(RecordingFormat.of(G711.PCMU, 0), RecordingFormat.of(G711.PCMA, 8),
                listener);
        Stereo wav = recorded(recorder, 2000, t -> {
            send(recorder, Party.CALLER, caller.tone(440), t);
            send(recorder, Party.CALLEE, callee.tone(1000), t);
        });
        assertThat(wav.rate).isEqualTo(8000);
        assertThat(wav.millis()).isBetween(1960L, 2040L);
        int from = 8000 / 2;
        int to = wav.left.length - 800;
        assertThat(PhoneStream.levelDb(wav.left, from, to, 440, 8000)).isGreaterThan(-16);
        assertThat(PhoneStream.levelDb(wav.left, from, to, 1000, 8000)).isLessThan(-50);
        assertThat(PhoneStream.levelDb(wav.right, from, to, 1000, 8000)).isGreaterThan(-16);
        assertThat(PhoneStream.levelDb(wav.right, from, to, 440, 8000)).isLessThan(-50);
    }

    @Test
    void aWidebandPartyMakesTheRecording16kHz() throws IOException {
        PhoneStream caller = new PhoneStream(G722.INSTANCE, 9, 0x1111);
        PhoneStream callee = new PhoneStream(G711.PCMU, 0, 0x2222);
        StereoRecorder recorder = new StereoRecorder(RecordingFormat.of(G722.INSTANCE, 9), RecordingFormat.of(G711.PCMU, 0),
                listener);
        assertThat(recorder.sampleRate()).isEqualTo(16_000);
        Stereo wav = recorded(recorder, 1000, t -> {
            send(recorder, Party.CALLER, caller.tone(5000), t);
            send(recorder, Party.CALLEE, callee.tone(1000), t);
        });
        assertThat(wav.rate).isEqualTo(16_000);
        assertThat(wav.millis()).isBetween(960L, 1040L);
        int from = 16_000 / 2;
        int to = wav.left.length - 1600;
        // 5 kHz only exists in wideband: the caller's G.722 is kept at its own bandwidth
        assertThat(PhoneStream.levelDb(wav.left, from, to, 5000, 16_000)).isGreaterThan(-20);
        assertThat(PhoneStream.levelDb(wav.right, from, to, 1000, 16_000)).isGreaterThan(-16);
        assertThat(PhoneStream.levelDb(wav.right, from, to, 5000, 16_000)).isLessThan(-50);
    }

    /** Lost packets and a silent party change nothing about the length: gaps are concealed or silent. */
    @Test
    void lossAndSilenceKeepTheLength() throws IOException {
        PhoneStream caller = new PhoneStream(G711.PCMU, 0, 0x1111);
        StereoRecorder recorder = g711Call();
        AtomicInteger packet = new AtomicInteger();
        Stereo wav = recorded(recorder, 3000, t -> {
            int n = packet.getAndIncrement();
            boolean burst = n >= 50 && n < 75;                  // half a second lost in one go
            if (burst || n % 5 == 4) caller.lose();            // and one packet in five besides
            else send(recorder, Party.CALLER, caller.tone(440), t);
            // the callee is on hold: it sends nothing at all
        });
        assertThat(wav.millis()).isBetween(2960L, 3040L);
        assertThat(wav.left.length).isEqualTo(wav.right.length);
        assertThat(PhoneStream.levelDb(wav.left, 8000 * 2, 8000 * 3 - 800, 440, 8000)).isGreaterThan(-25);
        assertThat(wav.right).containsOnly((short) 0);
    }

    /** Armed: key presses are reported, no decoder is even made. */
    @Test
    void armedItReportsKeyPressesAndDecodesNothing() {
        CountingCodec codec = new CountingCodec();
        PhoneStream caller = new PhoneStream(G711.PCMU, 0, 0x1111);
        PhoneStream callee = new PhoneStream(G711.PCMU, 0, 0x2222);
        StereoRecorder recorder = new StereoRecorder(new RecordingFormat(codec, 0, TE, 8000),
                new RecordingFormat(codec, 0, TE, 8000), listener);
        long t = 0;
        for (DtmfDigit digit : new DtmfDigit[] {DtmfDigit.STAR, DtmfDigit.ONE}) {
            for (byte[] p : callee.press(digit, TE)) {
                recorder.onRtp(Party.CALLEE, p, 0, p.length, t);
                send(recorder, Party.CALLER, caller.tone(440), t);
                recorder.tick(t);
                t += 20 * MS;
            }
        }
        assertThat(heard).containsExactly("CALLEE *", "CALLEE 1");
        assertThat(recorder.recording()).isFalse();
        assertThat(codec.decoders.get()).isZero();
    }

    /** While recording, a key press in the middle of speech is reported and the file keeps its length. */
    @Test
    void aKeyPressWhileRecordingIsReportedAndTheLengthKept() throws IOException {
        PhoneStream callee = new PhoneStream(G711.PCMU, 0, 0x2222);
        StereoRecorder recorder = new StereoRecorder(RecordingFormat.of(G711.PCMU, 0),
                RecordingFormat.of(G711.PCMU, 0).withTelephoneEvent(TE, 8000), listener);
        AtomicInteger packet = new AtomicInteger();
        List<byte[]> queued = new ArrayList<>();
        Stereo wav = recorded(recorder, 2000, t -> {
            int n = packet.getAndIncrement();
            if (n == 40) queued.addAll(List.of(callee.press(DtmfDigit.STAR, TE)));
            byte[] next = queued.isEmpty() ? callee.tone(1000) : queued.removeFirst();
            send(recorder, Party.CALLEE, next, t);
        });
        assertThat(heard).containsExactly("CALLEE *");
        assertThat(wav.millis()).isBetween(1960L, 2040L);
        assertThat(PhoneStream.levelDb(wav.right, 8000, 8000 + 4000, 1000, 8000)).isGreaterThan(-16);
    }

    /** A press whose end packets were all lost still ends, on a tick. */
    @Test
    void aPressWithoutItsEndIsReportedOnATick() {
        PhoneStream caller = new PhoneStream(G711.PCMU, 0, 0x1111);
        StereoRecorder recorder = new StereoRecorder(RecordingFormat.of(G711.PCMU, 0).withTelephoneEvent(TE, 8000),
                RecordingFormat.of(G711.PCMU, 0), listener);
        byte[][] press = caller.press(DtmfDigit.POUND, TE);
        recorder.onRtp(Party.CALLER, press[0], 0, press[0].length, 0);
        recorder.onRtp(Party.CALLER, press[1], 0, press[1].length, 20 * MS);
        recorder.tick(100 * MS);
        assertThat(heard).isEmpty();
        recorder.tick(400 * MS);
        assertThat(heard).containsExactly("CALLER #");
    }

    /** A full disk: the sink fails, the recorder lets go of it and says so once; the call's media goes on. */
    @Test
    void aFailingSinkStopsTheRecordingOnce() {
        FailingSink sink = new FailingSink(8000, 10);
        PhoneStream caller = new PhoneStream(G711.PCMU, 0, 0x1111);
        StereoRecorder recorder = g711Call();
        recorder.record(sink);
        run(recorder, 1000, t -> send(recorder, Party.CALLER, caller.tone(440), t));
        assertThat(failures).containsExactly("No space left on device");
        assertThat(recorder.recording()).isFalse();
        assertThat(sink.writes).isEqualTo(11);
        assertThat(recorder.stopRecording()).isNull();
    }

    /** After a stall of the media thread the file still lasts as long as the call. */
    @Test
    void aStalledTickWritesTheMissedFrames() throws IOException {
        StereoRecorder recorder = g711Call();
        StereoWavSink sink = StereoWavSink.create(dir.resolve("stall.wav"), 8000);
        recorder.record(sink);
        recorder.tick(0);
        recorder.tick(500 * MS);
        recorder.tick(1000 * MS);
        recorder.stopRecording();
        sink.commit();
        assertThat(read(dir.resolve("stall.wav")).millis()).isBetween(1000L, 1020L);
    }

    @Test
    void aSinkAtAnotherRateIsRefused() throws IOException {
        StereoRecorder recorder = g711Call();
        StereoWavSink sink = StereoWavSink.create(dir.resolve("x.wav"), 16_000);
        assertThatThrownBy(() -> recorder.record(sink)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8000 Hz");
        sink.abort();
    }

    @Test
    void aSecondSinkIsRefusedWhileRecording() throws IOException {
        StereoRecorder recorder = g711Call();
        assertThat(recorder.record(new FailingSink(8000, 100))).isTrue();
        assertThat(recorder.record(new FailingSink(8000, 100))).isFalse();
    }

    /** A re-INVITE moved the caller to another phone (a new SSRC, its own numbering): that phone is recorded on. */
    @Test
    void aNewDeviceTakesOverThePartysChannel() throws IOException {
        PhoneStream desk = new PhoneStream(G711.PCMU, 0, 0x1111);
        PhoneStream mobile = new PhoneStream(G711.PCMU, 0, 0x3333);
        StereoRecorder recorder = g711Call();
        AtomicInteger packet = new AtomicInteger();
        Stereo wav = recorded(recorder, 2000, t -> send(recorder, Party.CALLER,
                packet.getAndIncrement() < 50 ? desk.tone(440) : mobile.tone(1000), t));
        assertThat(wav.millis()).isBetween(1960L, 2040L);
        int from = 8000 * 3 / 2;
        int to = wav.left.length - 800;
        assertThat(PhoneStream.levelDb(wav.left, from, to, 1000, 8000)).isGreaterThan(-16);
        assertThat(PhoneStream.levelDb(wav.left, from, to, 440, 8000)).isLessThan(-50);
    }

    @Test
    void garbageIsIgnored() {
        StereoRecorder recorder = g711Call();
        recorder.record(new FailingSink(8000, 1000));
        recorder.onRtp(Party.CALLER, new byte[] {1, 2, 3}, 0, 3, 0);
        recorder.onRtp(Party.CALLER, new byte[40], 0, 40, 0);
        recorder.onRtp(Party.CALLER, new byte[40], 30, 20, 0);
        byte[] rtcp = new byte[28];
        rtcp[0] = (byte) 0x80;
        rtcp[1] = (byte) 200;
        recorder.onRtp(Party.CALLEE, rtcp, 0, rtcp.length, 0);
        recorder.tick(0);
        assertThat(recorder.recording()).isTrue();
    }

    /** A recorder of two PCMU parties on payload type 0, without telephone-event. */
    private StereoRecorder g711Call() {
        return new StereoRecorder(RecordingFormat.of(G711.PCMU, 0), RecordingFormat.of(G711.PCMU, 0), listener);
    }

    /** Records {@code millis} of a call into a committed file ({@link #run}) and reads it back. */
    private Stereo recorded(StereoRecorder recorder, int millis, PacketsAt packets) throws IOException {
        Path file = dir.resolve("call.wav");
        StereoWavSink sink = StereoWavSink.create(file, recorder.sampleRate());
        assertThat(recorder.record(sink)).isTrue();
        run(recorder, millis, packets);
        assertThat(recorder.stopRecording()).isSameAs(sink);
        sink.commit();
        return read(file);
    }

    private static void send(StereoRecorder recorder, Party party, byte[] packet, long at) {
        recorder.onRtp(party, packet, 0, packet.length, at);
    }

    /** Feeds {@code millis} of a call: {@code packets} at every 20 ms, a tick every 10 ms (as LegTicker). */
    private static void run(StereoRecorder recorder, int millis, PacketsAt packets) {
        for (int ms = 0; ms < millis; ms += 10) {
            long t = ms * MS;
            if (ms % 20 == 0) packets.send(t);
            recorder.tick(t);
        }
        recorder.tick(millis * MS - 5 * MS);
    }

    @FunctionalInterface
    private interface PacketsAt {
        void send(long nanos);
    }

    private record Stereo(int rate, short[] left, short[] right) {
        long millis() {
            return left.length * 1000L / rate;
        }
    }

    private static Stereo read(Path file) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            assertThat(reader.format().channels()).isEqualTo(2);
            short[] all = reader.readAll();
            short[] left = new short[all.length / 2];
            short[] right = new short[all.length / 2];
            for (int i = 0; i < left.length; i++) {
                left[i] = all[2 * i];
                right[i] = all[2 * i + 1];
            }
            assertThat(Files.size(file)).isEqualTo(44 + 2L * all.length);
            return new Stereo(reader.format().sampleRate(), left, right);
        }
    }

    /** A sink that takes {@code room} frames, then fails as a full disk does. */
    private static final class FailingSink implements AudioStereoSink {
        private final int rate;
        private final int room;
        int writes;
        private String failure;

        FailingSink(int rate, int room) {
            this.rate = rate;
            this.room = room;
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public boolean write(short[] left, short[] right, int frames) {
            writes++;
            if (writes > room) failure = "No space left on device";
            return failure == null;
        }

        @Override
        public Optional<String> failure() {
            return Optional.ofNullable(failure);
        }
    }

    /** PCMU that counts the decoders made. */
    private static final class CountingCodec implements AudioCodec {
        final AtomicInteger decoders = new AtomicInteger();

        @Override public String encodingName() { return "PCMU"; }
        @Override public int clockRate() { return 8000; }
        @Override public int sdpChannels() { return 1; }
        @Override public int staticPayloadType() { return 0; }
        @Override public int sampleRate() { return 8000; }
        @Override public AudioEncoder newEncoder() { return G711.PCMU.newEncoder(); }

        @Override
        public AudioDecoder newDecoder() {
            decoders.incrementAndGet();
            return G711.PCMU.newDecoder();
        }
    }
}
