package org.switchboard.media.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.ToneList;
import org.switchboard.media.wav.WavFormatException;
import org.switchboard.media.wav.WavReader;
import org.switchboard.media.wav.WavWriter;

/** The ready-made sources and sinks: files, tones, sequences, resampling, recordings. */
class SourcesTest {

    @TempDir
    Path dir;

    private Path wav(String name, int rate, short[] samples) throws IOException {
        Path file = dir.resolve(name);
        try (WavWriter w = WavWriter.create(file, rate, 1)) {
            w.write(samples, 0, samples.length);
            w.commit();
        }
        return file;
    }

    private static short[] drain(AudioSource source, int max) {
        Capture.Sink all = new Capture.Sink(source.sampleRate());
        short[] chunk = new short[333];
        while (all.size() < max) {
            int n = source.read(chunk, 0, chunk.length);
            all.write(chunk, 0, n);
            if (n < chunk.length) {
                break;
            }
        }
        return all.samples();
    }

    @Test
    void aWavFilePlaysOnceExactlyThenReadsNothing() throws IOException {
        short[] ramp = new short[1000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (short) i;
        }
        WavSource once = WavSource.open(wav("ramp.wav", 8000, ramp), false);
        assertThat(once.sampleRate()).isEqualTo(8000);
        assertThat(drain(once, 10_000)).isEqualTo(ramp);
        assertThat(once.read(new short[10], 0, 10)).isZero();
        assertThat(once.failure()).isEmpty();
    }

    @Test
    void aLoopedWavFileStartsAgainAtItsEnd() throws IOException {
        short[] ramp = new short[1000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (short) i;
        }
        WavSource looped = WavSource.open(wav("ramp.wav", 8000, ramp), true);
        short[] three = drain(looped, 3000);
        assertThat(Arrays.copyOfRange(three, 2000, 3000)).isEqualTo(ramp);
        looped.close();
        assertThat(looped.read(new short[10], 0, 10)).isZero();
    }

    @Test
    void anEmptyLoopedFileEndsInsteadOfSpinning() throws IOException {
        WavSource empty = WavSource.open(wav("empty.wav", 8000, new short[0]), true);
        assertThat(empty.read(new short[160], 0, 160)).isZero();
    }

    @Test
    void aBrokenFileFailsWhenOpenedAndACutOneEndsEarlyWithAReason() throws IOException {
        Path junk = Files.write(dir.resolve("junk.wav"), "not a wave at all, sorry".getBytes());
        assertThatThrownBy(() -> WavSource.open(junk, false)).isInstanceOf(WavFormatException.class);

        byte[] whole = Files.readAllBytes(wav("cut.wav", 8000, new short[4000]));
        byte[] cut = Arrays.copyOf(whole, whole.length - 3000);
        WavSource source = WavSource.of(() -> new ByteArrayInputStream(cut), false, "cut.wav");
        short[] got = drain(source, 10_000);
        assertThat(got.length).isLessThan(4000);
        assertThat(source.failure()).hasValueSatisfying(why -> assertThat(why).contains("cut.wav").contains("truncated"));
    }

    @Test
    void resamplingFrom44100KeepsTheToneAndRemovesWhatANarrowbandLegCannotCarry() throws IOException {
        short[] music = Tones.sine(1000, -10, 44100, 0, 44100);
        short[] high = Tones.sine(6000, -10, 44100, 0, 44100);
        AudioSource narrow = ResampledSource.of(WavSource.open(wav("m.wav", 44100, music), false), 8000);
        short[] out = drain(narrow, 100_000);
        assertThat(out.length).isBetween(7900, 8000);
        assertThat(Tones.levelDb(out, 1000, 7000, 1000, 8000)).isBetween(-10.5, -9.5);
        short[] aliased = drain(ResampledSource.of(WavSource.open(wav("h.wav", 44100, high), false), 8000), 100_000);
        assertThat(Tones.levelDb(aliased, 1000, 7000, 2000, 8000)).as("6 kHz must not fold to 2 kHz").isLessThan(-70);
    }

    @Test
    void resamplingUpFromAnOddRateIsClean() {
        short[] in = Tones.sine(3000, -10, 11025, 0, 11025);
        SincResampler up = new SincResampler(11025, 48000);
        short[] out = new short[up.maxOutput(in.length)];
        int n = 0;
        for (int at = 0; at < in.length; at += 100) {
            int len = Math.min(100, in.length - at);
            n += up.process(in, at, len, out, n);
        }
        assertThat(n).as("all but the filter's half length (28 input samples) that stays in it").isEqualTo(48000 - 121);
        assertThat(Tones.levelDb(out, 4800, 43000, 3000, 48000)).isBetween(-10.3, -9.7);
        assertThat(Tones.levelDb(out, 4800, 43000, 11025 - 3000, 48000)).as("no image").isLessThan(-70);
    }

    @Test
    void aSameRateSourceIsNotWrapped() {
        ToneSource tone = new ToneSource(ToneList.parse("440"), 16000);
        assertThat(ResampledSource.of(tone, 16000)).isSameAs(tone);
    }

    @Test
    void aSequencePlaysItsPartsInOrderAtOneRateAndSkipsOneThatFails() throws IOException {
        byte[] whole = Files.readAllBytes(wav("cut.wav", 8000, Tones.sine(500, -10, 8000, 0, 4000)));
        byte[] cut = Arrays.copyOf(whole, 44 + 800);
        AudioSource first = new ToneSource(ToneList.parse("!1000/100"), 8000);
        AudioSource broken = WavSource.of(() -> new ByteArrayInputStream(cut), false, "broken.wav");
        AudioSource last = ToneSource.silence(50, 48000);
        SequenceSource sentence = SequenceSource.of(8000, List.of(first, broken, last));
        short[] out = drain(sentence, 100_000);
        int fromBroken = out.length - 800 - 400;
        assertThat(fromBroken).as("what could be read before the cut").isBetween(1, 399);
        assertThat(Tones.levelDb(out, 0, 800, 1000, 8000)).isGreaterThan(-20);
        assertThat(Tones.levelDb(out, 800, 800 + fromBroken, 500, 8000)).isGreaterThan(-20);
        assertThat(Tones.rmsDb(out, out.length - 400, out.length)).as("then the pause").isLessThan(-100);
        assertThat(sentence.failure()).hasValueSatisfying(why -> assertThat(why).contains("broken.wav"));
    }

    @Test
    void aFiniteToneEndsAndARepeatingOneDoesNot() {
        assertThat(drain(new ToneSource(ToneList.parse("!1000/250"), 8000), 100_000)).hasSize(2000);
        assertThat(drain(new ToneSource(ToneList.parse("440/100,0/100"), 8000), 20_000)).hasSizeGreaterThanOrEqualTo(20_000);
    }

    @Test
    void aWavSinkRecordingAppearsOnlyWhenCommitted() throws IOException {
        Path target = dir.resolve("voicemail.wav");
        WavSink sink = WavSink.create(target, 16000);
        short[] frame = Tones.sine(800, -10, 16000, 0, 320);
        for (int i = 0; i < 50; i++) {
            sink.write(frame, 0, 320);
        }
        assertThat(target).doesNotExist();
        assertThat(sink.duration().toMillis()).isEqualTo(1000);
        sink.commit();
        try (WavReader reader = WavReader.open(target)) {
            assertThat(reader.format().sampleRate()).isEqualTo(16000);
            assertThat(reader.frames()).isEqualTo(16000);
        }
        WavSink dropped = WavSink.create(dir.resolve("dropped.wav"), 8000);
        dropped.write(frame, 0, 160);
        dropped.abort();
        assertThat(dir.resolve("dropped.wav")).doesNotExist();
        dropped.write(frame, 0, 160);
        assertThat(dropped.failure()).as("a write after abort is a failure, not an exception").isPresent();
        assertThatThrownBy(dropped::commit).hasMessageContaining("recording failed");
    }

    @Test
    void aPipeNeverHoldsMoreThanAFrameEachWayAndReadsSilenceWhenEmpty() {
        PcmPipe pipe = new PcmPipe(8000, 160, 160);
        short[] frame = Tones.sine(1000, -10, 8000, 0, 160);
        for (int i = 0; i < 5; i++) {
            pipe.write(frame, 0, 160);
        }
        assertThat(pipe.buffered()).isEqualTo(320);
        short[] out = new short[160];
        assertThat(pipe.read(out, 0, 160)).isEqualTo(160);
        assertThat(pipe.read(out, 0, 160)).isEqualTo(160);
        assertThat(pipe.read(out, 0, 160)).as("never ends").isEqualTo(160);
        assertThat(out).containsOnly((short) 0);
    }
}
