package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    /** Resamples {@code seconds} of a tone and returns one whole second of output after the filter has settled. */
    private static short[] settledSecond(Resampler resampler, double frequency, double dbfs) {
        int from = resampler.fromRate();
        short[] in = TestSignals.sine(frequency, from, from * 6 / 5, dbfs);
        short[] out = new short[resampler.maxOutput(in.length)];
        int n = resampler.process(in, 0, in.length, out, 0);
        int to = resampler.toRate();
        assertThat(n).isEqualTo(to * 6 / 5);
        return Arrays.copyOfRange(out, to / 10, to / 10 + to);
    }

    private static double levelDb(int from, int to, double frequency) {
        short[] out = settledSecond(Resampler.create(from, to), frequency, -6);
        return TestSignals.rmsDb(out, 0, out.length);
    }

    @ParameterizedTest(name = "{0} Hz at {1} Hz -> 8 kHz")
    @CsvSource({
        "6000, 48000", "6000, 16000", "4000, 48000", "4000, 16000", "4400, 48000", "4400, 16000",
        "5000, 48000", "7000, 16000", "7900, 16000", "9000, 48000", "12000, 48000", "15000, 48000",
        "20000, 48000", "23900, 48000"})
    void aToneAboveTheOutputNyquistIsAtLeast60DbBelowAOneKilohertzTone(int frequency, int rate) {
        double reference = levelDb(rate, 8000, 1000);
        double alias = levelDb(rate, 8000, frequency);
        assertThat(reference).isCloseTo(-6, within(0.3));
        assertThat(reference - alias).as("attenuation of %d Hz", frequency).isGreaterThanOrEqualTo(70);
    }

    @ParameterizedTest(name = "{0} Hz at 48 kHz -> 16 kHz")
    @CsvSource({"8000", "9000", "12000", "17000", "23000"})
    void aToneAboveSixteenKilohertzNyquistDoesNotFoldBack(int frequency) {
        assertThat(levelDb(48000, 16000, 1000) - levelDb(48000, 16000, frequency)).isGreaterThanOrEqualTo(70);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"8000, 16000", "8000, 48000", "16000, 48000", "16000, 8000", "48000, 8000", "48000, 16000"})
    void thePassbandIsFlatWithinHalfADecibelUpTo045TimesTheLowerRate(int from, int to) {
        int lower = Math.min(from, to);
        for (double fraction : new double[] {0.0125, 0.05, 0.125, 0.25, 0.375, 0.425, 0.45}) {
            int frequency = (int) Math.round(fraction * lower);
            short[] out = settledSecond(Resampler.create(from, to), frequency, -6);
            double gain = TestSignals.toneDb(out, 0, out.length, frequency, to) - -6;
            assertThat(gain).as("gain at %d Hz", frequency).isBetween(-0.5, 0.5);
        }
    }

    @ParameterizedTest(name = "{0} Hz at {1} -> {2}")
    @CsvSource({"1000, 8000, 48000", "1000, 8000, 16000", "3000, 8000, 48000", "5000, 16000, 48000", "3500, 8000, 16000"})
    void upsamplingCreatesNoImagesAboveTheOriginalNyquist(int frequency, int from, int to) {
        short[] out = settledSecond(Resampler.create(from, to), frequency, -6);
        double tone = TestSignals.toneDb(out, 0, out.length, frequency, to);
        assertThat(tone).isCloseTo(-6, within(0.3));
        for (int k = 1; k * from - frequency <= to / 2; k++) {
            for (int image : new int[] {k * from - frequency, k * from + frequency}) {
                if (image <= to / 2) {
                    assertThat(tone - TestSignals.toneDb(out, 0, out.length, image, to))
                            .as("image at %d Hz", image).isGreaterThanOrEqualTo(70);
                }
            }
        }
        // Nothing above the original Nyquist frequency at all: measure what a brick-wall high-pass leaves.
        double above = 0;
        for (int f = from / 2 + 10; f < to / 2; f += 10) {
            above += new Goertzel(f, to).power(out, 0, out.length);
        }
        assertThat(tone - 10 * Math.log10(above)).isGreaterThanOrEqualTo(70);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"8000, 16000", "8000, 48000", "16000, 48000", "16000, 8000", "48000, 8000", "48000, 16000"})
    void framingDoesNotChangeASingleSample(int from, int to) {
        short[] in = TestSignals.noise(from * 2 + 7, 20000, 42);
        short[] whole = run(Resampler.create(from, to), in, new int[] {in.length});
        int frame = from / 50;
        int[] frames = new int[in.length / frame + 1];
        Arrays.fill(frames, frame);
        short[] inFrames = run(Resampler.create(from, to), in, frames);
        Random random = new Random(7);
        int[] odd = new int[in.length];
        for (int i = 0; i < odd.length; i++) {
            odd[i] = random.nextInt(1, 500);
        }
        short[] inOddPieces = run(Resampler.create(from, to), in, odd);
        assertThat(inFrames).isEqualTo(whole);
        assertThat(inOddPieces).isEqualTo(whole);
        long expected = to > from ? (long) in.length * (to / from) : in.length / (from / to);
        assertThat(whole).hasSize((int) expected);
    }

    /** Feeds {@code in} in pieces of the given sizes (the last cut short) and concatenates the output. */
    private static short[] run(Resampler resampler, short[] in, int[] pieces) {
        short[] out = new short[resampler.maxOutput(in.length) + 8];
        short[] buffer = new short[resampler.maxOutput(in.length)];
        int read = 0;
        int written = 0;
        for (int i = 0; i < pieces.length && read < in.length; i++) {
            int n = Math.min(pieces[i], in.length - read);
            int got = resampler.process(in, read, n, buffer, 0);
            assertThat(got).isLessThanOrEqualTo(resampler.maxOutput(n));
            System.arraycopy(buffer, 0, out, written, got);
            read += n;
            written += got;
        }
        return Arrays.copyOf(out, written);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"8000, 16000, 320", "8000, 48000, 960", "16000, 48000, 960", "16000, 8000, 160",
        "48000, 8000, 160", "48000, 16000, 320", "8000, 8000, 160"})
    void twentyMillisecondFramesGiveTwentyMillisecondFrames(int from, int to, int expected) {
        Resampler resampler = Resampler.create(from, to);
        short[] out = new short[resampler.maxOutput(from / 50)];
        for (int i = 0; i < 5; i++) {
            assertThat(resampler.process(new short[from / 50], 0, from / 50, out, 0)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"8000, 16000", "8000, 48000", "16000, 48000", "16000, 8000", "48000, 8000", "48000, 16000"})
    void theImpulseResponseIsFiniteAndPeaksAtTheDocumentedDelay(int from, int to) {
        Resampler resampler = Resampler.create(from, to);
        int factor = Math.max(from, to) / Math.min(from, to);
        int taps = ResamplingFilter.TAPS_PER_PHASE * factor - 1;
        short[] in = new short[from];
        in[0] = 30000;
        short[] out = new short[resampler.maxOutput(in.length)];
        int n = resampler.process(in, 0, in.length, out, 0);
        int last = -1;
        int peak = 0;
        for (int i = 0; i < n; i++) {
            if (out[i] != 0) {
                last = i;
            }
            if (Math.abs(out[i]) > Math.abs(out[peak])) {
                peak = i;
            }
        }
        // At the higher rate the response spans the filter's taps; at the lower rate a 1/M-th of them.
        int span = to > from ? taps : (taps + factor - 1) / factor;
        assertThat(last).as("last non-zero output").isLessThan(span);
        assertThat(peak * 1000.0 / to).as("peak time in ms").isCloseTo(resampler.delayMillis(), within(1000.0 / to));
        assertThat(resampler.delayMillis()).isLessThan(5.5);
    }

    @Test
    void resetForgetsTheHistory() {
        Resampler resampler = Resampler.create(8000, 48000);
        short[] loud = TestSignals.sine(1000, 8000, 160, -1);
        short[] out = new short[960];
        resampler.process(loud, 0, loud.length, out, 0);
        resampler.reset();
        assertThat(resampler.process(new short[160], 0, 160, out, 0)).isEqualTo(960);
        assertThat(out).containsOnly((short) 0);
    }

    @Test
    void aFullScaleSquareWaveSaturatesInsteadOfWrapping() {
        short[] square = new short[4800];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 24) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        Resampler resampler = Resampler.create(48000, 8000);
        short[] out = new short[800];
        resampler.process(square, 0, square.length, out, 0);
        // The Gibbs overshoot would exceed 16 bits; a wrap would flip the sign mid-plateau.
        for (int i = 100; i < 800; i++) {
            int input = i * 6 + 5 - 251; // the input instant that output i shows, after the group delay
            if (input % 24 > 6 && input % 24 < 18) {
                assertThat(out[i] > 0).as("sample %d", i).isEqualTo((input / 24) % 2 == 0);
            }
        }
    }

    @Test
    void unsupportedRatesAreRefusedWithTheRatesThatWork() {
        assertThatThrownBy(() -> Resampler.create(44100, 8000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot resample at 44100 Hz: rates 8000, 16000 and 48000 Hz are supported");
    }
}
