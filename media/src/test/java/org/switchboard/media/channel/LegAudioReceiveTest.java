package org.switchboard.media.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722;
import org.switchboard.media.codec.opus.OpusCodec;

/** What a terminated leg makes of what its phone sends: decoded audio in time, whatever the network did. */
class LegAudioReceiveTest {

    private static final long START = 5_000_000_000L;
    private static final long PTIME = 20_000_000L;

    private final Capture.Packets out = new Capture.Packets();

    static Stream<Arguments> codecs() {
        OpusCodec opus = OpusCodec.load().codec().orElseThrow();
        return Stream.of(Arguments.of(G711.PCMU, 0), Arguments.of(G711.PCMA, 8), Arguments.of(G722.INSTANCE, 9),
                Arguments.of(opus, 111));
    }

    private static LegAudio leg(AudioCodec codec, int pt) {
        return new LegAudio(LegAudioConfig.of(codec, pt, "test@switchboard"), LegAudioListener.IGNORE,
                new SplittableRandom(1), START);
    }

    private static void offer(LegAudio leg, byte[] packet, long now) {
        leg.onRtp(packet, 0, packet.length, now);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void aToneSentByThePhoneIsRecordedAtItsLevelAndForTheCallsDuration(AudioCodec codec, int pt) {
        LegAudio leg = leg(codec, pt);
        Capture.Sink recording = new Capture.Sink(codec.sampleRate());
        assertThat(leg.record(recording)).isTrue();
        FakePhone phone = new FakePhone(codec, pt);
        int frames = 150;
        for (int i = 0; i < frames; i++) {
            long now = START + i * PTIME;
            offer(leg, phone.tone(1000, -10), now);
            leg.tick(now, 0, out);
        }
        short[] pcm = recording.samples();
        int rate = codec.sampleRate();
        assertThat(pcm).as("one frame per packet time, from the first tick").hasSize(frames * rate / 50);
        int from = rate / 2;
        assertThat(Tones.levelDb(pcm, from, pcm.length, 1000, rate)).isBetween(-12.0, -8.5);
        assertThat(Tones.levelDb(pcm, from, pcm.length, 2500, rate)).isLessThan(-40);
        assertThat(leg.stats().jitter().played()).isGreaterThan(frames - 10L);
        assertThat(leg.stats().rtp().packetsReceived()).isEqualTo(frames);
        leg.close();
    }

    @Test
    void aSinkAtAnotherRateGetsTheSameAudioResampled() {
        LegAudio leg = leg(G722.INSTANCE, 9);
        Capture.Sink narrow = new Capture.Sink(8000);
        Capture.Sink full = new Capture.Sink(48000);
        leg.record(narrow);
        leg.record(full);
        FakePhone phone = new FakePhone(G722.INSTANCE, 9);
        for (int i = 0; i < 100; i++) {
            long now = START + i * PTIME;
            offer(leg, phone.tone(1000, -10), now);
            leg.tick(now, 0, out);
        }
        assertThat(narrow.size()).isEqualTo(100 * 160);
        assertThat(full.size()).isEqualTo(100 * 960);
        assertThat(Tones.levelDb(narrow.samples(), 4000, narrow.size(), 1000, 8000)).isBetween(-12.0, -8.5);
        assertThat(Tones.levelDb(full.samples(), 24000, full.size(), 1000, 48000)).isBetween(-12.0, -8.5);
        assertThat(leg.stopRecording(full)).isTrue();
        leg.tick(START + 100 * PTIME, 0, out);
        assertThat(full.size()).as("no more writes once removed").isEqualTo(100 * 960);
        assertThat(narrow.size()).isEqualTo(101 * 160);
    }

    @Test
    void jitterReorderingAndLossStillGiveAContinuousTone() {
        LegAudio leg = leg(G711.PCMU, 0);
        Capture.Sink recording = new Capture.Sink(8000);
        leg.record(recording);
        FakePhone phone = new FakePhone(G711.PCMU, 0);
        SplittableRandom network = new SplittableRandom(42);
        record Arrival(long at, byte[] packet) { }
        List<Arrival> arrivals = new ArrayList<>();
        int frames = 250;
        int lost = 0;
        for (int i = 0; i < frames; i++) {
            byte[] p = phone.tone(1000, -10);
            if (network.nextInt(100) < 3) {
                lost++;
                continue;
            }
            arrivals.add(new Arrival(START + i * PTIME + network.nextLong(40_000_000L), p));
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at));
        int next = 0;
        for (int i = 0; i < frames + 10; i++) {
            long now = START + i * PTIME;
            while (next < arrivals.size() && arrivals.get(next).at() <= now) {
                offer(leg, arrivals.get(next).packet(), arrivals.get(next).at());
                next++;
            }
            leg.tick(now, 0, out);
        }
        short[] pcm = recording.samples();
        assertThat(pcm).hasSize((frames + 10) * 160);
        // Past the start, every 100 ms window carries the tone: losses are concealed, not gaps.
        for (int from = 8000; from + 800 <= 240 * 160; from += 800) {
            assertThat(Tones.levelDb(pcm, from, from + 800, 1000, 8000)).as("window at %d", from).isGreaterThan(-16);
        }
        LegAudioStats stats = leg.stats();
        assertThat(stats.jitter().lost()).isGreaterThanOrEqualTo(lost);
        assertThat(stats.jitter().concealed()).isPositive();
        assertThat(stats.jitter().targetDelayMs()).isGreaterThan(20);
    }

    @Test
    void aNewSourceTakesOverAfterTwoPacketsAndAStrayIsDropped() {
        LegAudio leg = leg(G711.PCMU, 0);
        Capture.Sink recording = new Capture.Sink(8000);
        leg.record(recording);
        FakePhone phone = new FakePhone(G711.PCMU, 0);
        FakePhone stray = new FakePhone(G711.PCMU, 0, 0xBAD, 1, 1);
        FakePhone newDevice = new FakePhone(G711.PCMU, 0, 0x600D, 7, 99_000);
        int i = 0;
        for (; i < 50; i++) {
            long now = START + i * PTIME;
            offer(leg, phone.tone(1000, -10), now);
            if (i == 30) {
                offer(leg, stray.tone(3000, 0), now);
            }
            leg.tick(now, 0, out);
        }
        for (; i < 150; i++) {
            long now = START + i * PTIME;
            offer(leg, newDevice.tone(600, -10), now);
            leg.tick(now, 0, out);
        }
        short[] pcm = recording.samples();
        assertThat(Tones.levelDb(pcm, 2400, 7000, 3000, 8000)).as("the stray never played").isLessThan(-50);
        assertThat(Tones.levelDb(pcm, 100 * 160, 150 * 160, 600, 8000)).isBetween(-12.0, -8.5);
        LegAudioStats stats = leg.stats();
        assertThat(stats.strays()).as("the stray and the new device's first packet").isEqualTo(2);
        assertThat(stats.jitter().resyncs()).isEqualTo(1);
        assertThat(stats.rtp().remoteSsrc()).hasValue(0x600D);
    }

    @Test
    void garbageOtherPayloadTypesAndBrokenRtcpAreCountedNeverThrown() {
        LegAudio leg = leg(G711.PCMU, 0);
        FakePhone phone = new FakePhone(G711.PCMU, 0);
        FakePhone comfortNoise = new FakePhone(G711.PCMU, 13, 0x1234_5678L, 9, 9);
        byte[][] junk = {new byte[0], new byte[5], {(byte) 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
            {(byte) 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0}};
        assertThatCode(() -> {
            offer(leg, phone.tone(1000, -10), START);
            for (byte[] j : junk) {
                offer(leg, j, START);
                leg.onRtcp(j, 0, j.length, START, 0);
            }
            offer(leg, comfortNoise.tone(1000, -10), START + 1);
            leg.onRtp(junk[3], 2, 1, START);
            leg.tick(START, 0, out);
        }).doesNotThrowAnyException();
        LegAudioStats stats = leg.stats();
        assertThat(stats.invalid()).isEqualTo(junk.length + 1);
        assertThat(stats.otherPayloads()).isEqualTo(1);
    }
}
