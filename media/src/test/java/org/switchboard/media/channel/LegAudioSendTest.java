package org.switchboard.media.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.codec.AudioCodec;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722;
import org.switchboard.media.codec.opus.OpusCodec;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.media.rtp.RtpView;
import org.switchboard.media.wav.WavWriter;

/** What a terminated leg sends its phone: the source, encoded, paced, numbered as RTP wants. */
class LegAudioSendTest {

    private static final long START = 7_000_000_000L;
    private static final long PTIME = 20_000_000L;
    private static final long SSRC = 0xCAFE_F00DL;

    @TempDir
    Path dir;

    private final Capture.Packets out = new Capture.Packets();
    private final Capture.Events events = new Capture.Events();

    private LegAudio leg(AudioCodec codec, int pt) {
        return new LegAudio(LegAudioConfig.of(codec, pt, "test@switchboard").withSsrc(SSRC), events,
                new SplittableRandom(3), START);
    }

    /** A WAV file of a sine: {@code channels} identical channels. */
    private Path wav(String name, int rate, int channels, double hz, int millis) throws IOException {
        Path file = dir.resolve(name);
        try (WavWriter w = WavWriter.create(file, rate, channels)) {
            short[] mono = Tones.sine(hz, -10, rate, 0, rate * millis / 1000);
            if (channels == 1) {
                w.write(mono, 0, mono.length);
            } else {
                w.writeStereo(mono, 0, mono, 0, mono.length);
            }
            w.commit();
        }
        return file;
    }

    private void run(LegAudio leg, int ticks, long step) {
        for (int i = 0; i < ticks; i++) {
            leg.tick(START + i * step, 1_700_000_000_000L, out);
        }
    }

    @Test
    void aWavPromptGoesOutAsPacedPcmuWithItsToneThenSilenceAndOneFinishedEvent() throws IOException {
        LegAudio leg = leg(G711.PCMU, 0);
        WavSource prompt = WavSource.open(wav("prompt.wav", 8000, 1, 1000, 1000), false);
        leg.play(prompt);
        run(leg, 80, PTIME);

        assertThat(out.rtp).as("one packet per 20 ms tick").hasSize(80);
        RtpView first = out.view(0);
        assertThat(first.marker()).isTrue();
        assertThat(first.payloadType()).isZero();
        assertThat(first.ssrc()).isEqualTo(SSRC);
        assertThat(first.payloadLength()).isEqualTo(160);
        for (int i = 1; i < out.rtp.size(); i++) {
            RtpView v = out.view(i);
            assertThat(v.marker()).isFalse();
            assertThat(v.ssrc()).isEqualTo(SSRC);
            assertThat(v.sequence()).isEqualTo((first.sequence() + i) & 0xFFFF);
            assertThat(v.timestamp()).isEqualTo((first.timestamp() + 160L * i) & 0xFFFF_FFFFL);
        }
        short[] heard = out.decode(G711.PCMU, 0);
        assertThat(Tones.levelDb(heard, 0, 50 * 160, 1000, 8000)).isBetween(-11.0, -9.0);
        assertThat(Tones.rmsDb(heard, 50 * 160, 80 * 160)).as("silence once the prompt ended").isLessThan(-60);
        assertThat(events.finished).containsExactly(prompt);
        assertThat(leg.playing()).isFalse();
        assertThat(leg.stats().rtp().packetsSent()).isEqualTo(80);
    }

    @Test
    void ticksEveryTenMillisecondsStillSendOnePacketPerPacketTime() throws IOException {
        LegAudio leg = leg(G711.PCMA, 8);
        leg.play(new ToneSource(ToneList.parse("440"), 8000));
        SplittableRandom late = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            leg.tick(START + i * 10_000_000L + late.nextLong(3_000_000L), 0, out);
        }
        assertThat(out.rtp).hasSize(100);
    }

    @Test
    void aWidebandLegSendsG722WithItsHalfRateTimestamps() throws IOException {
        LegAudio leg = leg(G722.INSTANCE, 9);
        leg.play(WavSource.open(wav("wide.wav", 16000, 1, 5000, 2000), true));
        run(leg, 50, PTIME);
        assertThat(out.rtp).hasSize(50);
        assertThat(out.view(1).timestamp() - out.view(0).timestamp()).as("RFC 3551 §4.5.2: 8000 Hz clock").isEqualTo(160);
        assertThat(out.view(0).payloadLength()).isEqualTo(160);
        short[] heard = out.decode(G722.INSTANCE, 9);
        assertThat(Tones.levelDb(heard, 4000, heard.length, 5000, 16000)).as("a 5 kHz tone survives: wideband").isGreaterThan(-12);
    }

    @Test
    void anOpusLegWithSixtyMillisecondPacketsSendsOneEveryThreeTicks() {
        OpusCodec opus = OpusCodec.load().codec().orElseThrow();
        LegAudio leg = new LegAudio(LegAudioConfig.of(opus, 111, "test").withPtime(60), events, new SplittableRandom(), START);
        leg.play(new ToneSource(ToneList.parse("1000"), 8000, -10));
        run(leg, 150, PTIME);
        assertThat(out.rtp).hasSize(50);
        assertThat(out.view(1).timestamp() - out.view(0).timestamp()).as("RFC 7587 §4.1: 48 kHz clock").isEqualTo(2880);
        short[] heard = out.decode(opus, 111);
        assertThat(Tones.levelDb(heard, 48000, heard.length, 1000, 48000)).isBetween(-12.0, -8.5);
    }

    @Test
    void aCdQualityStereoFileIsMixedDownAndResampledForANarrowbandLeg() throws IOException {
        LegAudio leg = leg(G711.PCMU, 0);
        leg.play(WavSource.open(wav("music.wav", 44100, 2, 700, 3000), true));
        run(leg, 100, PTIME);
        short[] heard = out.decode(G711.PCMU, 0);
        assertThat(Tones.levelDb(heard, 1600, heard.length, 700, 8000)).isBetween(-11.5, -8.5);
    }

    @Test
    void aLoopedSourcePlaysOnPastItsEnd() throws IOException {
        LegAudio leg = leg(G711.PCMU, 0);
        leg.play(WavSource.open(wav("hold.wav", 8000, 1, 800, 300), true));
        run(leg, 100, PTIME);
        short[] heard = out.decode(G711.PCMU, 0);
        for (int from = 0; from + 1600 <= heard.length; from += 1600) {
            assertThat(Tones.levelDb(heard, from, from + 1600, 800, 8000)).isGreaterThan(-12);
        }
        assertThat(events.finished).isEmpty();
    }

    @Test
    void aNewSourceReplacesTheOldOneClosesItAndSetsTheMarker() {
        LegAudio leg = leg(G711.PCMU, 0);
        boolean[] closed = {false};
        AudioSource first = new ToneSource(ToneList.parse("440"), 8000);
        AudioSource tracked = new AudioSource() {
            @Override
            public int sampleRate() {
                return 8000;
            }

            @Override
            public int read(short[] o, int off, int samples) {
                return first.read(o, off, samples);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        leg.play(tracked);
        run(leg, 10, PTIME);
        leg.play(new ToneSource(ToneList.parse("1000"), 16000));
        leg.tick(START + 10 * PTIME, 0, out);
        assertThat(closed[0]).isTrue();
        assertThat(out.view(10).marker()).isTrue();
        assertThat(events.finished).as("a replaced source did not finish by itself").isEmpty();
        leg.stopPlaying();
        assertThat(leg.playing()).isFalse();
    }

    @Test
    void withNothingToPlayTheLegSendsSilenceAndRtcpReports() {
        LegAudio leg = leg(G711.PCMU, 0);
        run(leg, 500, PTIME);
        assertThat(out.rtp).hasSize(500);
        assertThat(Tones.rmsDb(out.decode(G711.PCMU, 0), 0, 500 * 160)).isLessThan(-60);
        assertThat(out.rtcp).as("reports every few seconds over 10 s").hasSizeBetween(2, 5);
        assertThat(out.rtcp.getFirst()[1] & 0xFF).as("a sender report").isEqualTo(200);
        leg.stop(START + 500 * PTIME, 0, out);
        byte[] last = out.rtcp.getLast();
        assertThat(last).as("BYE at the end").contains((byte) 203);
        leg.tick(START + 501 * PTIME, 0, out);
        assertThat(out.rtp).as("nothing after stop").hasSize(500);
    }

    @Test
    void afterAStallLateFramesAreCaughtUpThenSkipped() {
        LegAudio leg = leg(G711.PCMU, 0);
        leg.tick(START, 0, out);
        leg.tick(START + 5 * PTIME, 0, out);
        assertThat(out.rtp).as("the first and the five due since").hasSize(6);
        leg.tick(START + 45 * PTIME, 0, out);
        assertThat(out.rtp).hasSize(6 + LegAudio.MAX_CATCH_UP_FRAMES);
        RtpView before = out.view(out.rtp.size() - 1);
        leg.tick(START + 46 * PTIME, 0, out);
        RtpView after = out.view(out.rtp.size() - 1);
        assertThat(after.timestamp() - before.timestamp()).as("the skipped time is a gap in the timestamps")
                .isEqualTo(160L * (46 - 5 - LegAudio.MAX_CATCH_UP_FRAMES));
        assertThat(leg.stats().skippedFrames()).isEqualTo(2L * (40 - LegAudio.MAX_CATCH_UP_FRAMES));
    }

    @Test
    void aContinuedStreamStartsWhereThePhoneLeftOffAcrossTheSequenceWrap() {
        LegAudio leg = leg(G711.PCMU, 0);
        leg.continueStream(65_534, 0xFFFF_FF00L);
        run(leg, 4, PTIME);
        assertThat(out.rtp).hasSize(4);
        assertThat(out.view(0).marker()).as("a new talkspurt for the phone's jitter buffer").isTrue();
        assertThat(out.view(0).ssrc()).isEqualTo(SSRC);
        int[] sequences = new int[4];
        long[] timestamps = new long[4];
        for (int i = 0; i < 4; i++) {
            sequences[i] = out.view(i).sequence();
            timestamps[i] = out.view(i).timestamp();
        }
        assertThat(sequences).containsExactly(65_534, 65_535, 0, 1);
        assertThat(timestamps).containsExactly(0xFFFF_FF00L, 0xFFFF_FFA0L, 0x40L, 0xE0L);
        assertThat(out.view(1).marker()).isFalse();
    }

    @Test
    void aContinuationOutsideRtpsRangesIsRefused() {
        LegAudio leg = leg(G711.PCMU, 0);
        assertThatThrownBy(() -> leg.continueStream(65_536, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence number");
        assertThatThrownBy(() -> leg.continueStream(0, 1L << 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> leg.continueStream(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
