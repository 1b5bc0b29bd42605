package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToneGeneratorTest {

    private static short[] play(String tones, int rate, double level, int samples) {
        short[] out = new short[samples];
        ToneGenerator generator = new ToneGenerator(ToneList.parse(tones), rate, level);
        for (int off = 0; off < samples; off += rate / 50) {
            generator.fill(out, off, Math.min(rate / 50, samples - off));
        }
        return out;
    }

    /**
     * What the tone should be, computed the slow way: each piece {f1, f2, samples} a sum of sines
     * starting at phase 0 (f1 = f2 = 0 for silence).
     */
    private static short[] reference(int rate, double level, int[]... pieces) {
        double amplitude = 32767 * Math.pow(10, level / 20);
        int total = 0;
        for (int[] piece : pieces) {
            total += piece[2];
        }
        short[] out = new short[total];
        int at = 0;
        for (int[] piece : pieces) {
            for (int i = 0; i < piece[2]; i++) {
                double t = (double) i / rate;
                out[at++] = (short) Math.round(amplitude
                        * (Math.sin(2 * Math.PI * piece[0] * t) + Math.sin(2 * Math.PI * piece[1] * t)));
            }
        }
        return out;
    }

    /** Asserts that two signals differ by at most one step of rounding, sample by sample. */
    private static void assertSameSignal(short[] actual, short[] expected) {
        assertThat(actual.length).as("length").isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            if (Math.abs(actual[i] - expected[i]) > 1) {
                throw new AssertionError("sample " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8000, 16000, 48000})
    void aSingleToneHasItsFrequencyAndLevel(int rate) {
        short[] out = play("1000", rate, -10, rate);
        assertThat(TestSignals.toneDb(out, 0, rate, 1000, rate)).isCloseTo(-10, within(0.05));
        assertThat(TestSignals.toneDb(out, 0, rate, 1010, rate)).isLessThan(-60);
        assertThat(TestSignals.rmsDb(out, 0, rate)).isCloseTo(-10, within(0.05));
    }

    @Test
    void aDualToneHasBothFrequenciesAtTheLevelAndNothingElse() {
        short[] out = play("350+440", 8000, -16, 8000);
        assertThat(TestSignals.toneDb(out, 0, 8000, 350, 8000)).isCloseTo(-16, within(0.05));
        assertThat(TestSignals.toneDb(out, 0, 8000, 440, 8000)).isCloseTo(-16, within(0.05));
        for (int f : new int[] {395, 700, 790, 880, 1000, 2000}) {
            assertThat(TestSignals.toneDb(out, 0, 8000, f, 8000)).as("%d Hz", f).isLessThan(-90);
        }
        assertThat(TestSignals.rmsDb(out, 0, 8000)).isCloseTo(-16 + 3.01, within(0.05));
    }

    @Test
    void aModulatedToneHasItsCarrierAndSidebands() {
        short[] out = play("425*25", 8000, -10, 8000);
        double carrier = TestSignals.toneDb(out, 0, 8000, 425, 8000);
        assertThat(carrier).isCloseTo(-10 - 20 * Math.log10(1.9), within(0.1));
        // 90% depth: each sideband has 0.45 of the carrier's amplitude.
        assertThat(TestSignals.toneDb(out, 0, 8000, 400, 8000) - carrier).isCloseTo(20 * Math.log10(0.45), within(0.1));
        assertThat(TestSignals.toneDb(out, 0, 8000, 450, 8000) - carrier).isCloseTo(20 * Math.log10(0.45), within(0.1));
    }

    @Test
    void theUsBusyCadenceIsExactInSamples() {
        short[] out = play("480+620/500,0/500", 8000, -16, 8000 * 3);
        int[] on = {480, 620, 4000};
        int[] off = {0, 0, 4000};
        assertSameSignal(out, reference(8000, -16, on, off, on, off, on, off));
    }

    @Test
    void theUkRingbackCadenceIsExactInSamplesAt48Kilohertz() {
        short[] out = play("400+450/400,0/200,400+450/400,0/2000", 48000, -16, 48000 * 6);
        int[] on = {400, 450, 19200};
        int[] pause = {0, 0, 9600};
        int[] off = {0, 0, 96000};
        assertSameSignal(out, reference(48000, -16, on, pause, on, off, on, pause, on, off));
    }

    @Test
    void markedElementsPlayOnlyTheFirstTime() {
        short[] out = play("!1000/100,!0/100,440/300,0/200", 8000, -16, 8000 * 2);
        int[] on = {440, 0, 2400};
        int[] off = {0, 0, 1600};
        assertSameSignal(out, reference(8000, -16, new int[] {1000, 0, 800}, new int[] {0, 0, 800},
                on, off, on, off, on, off, new int[] {440, 0, 2400}));
    }

    @Test
    void aFiniteListEndsAndSaysSo() {
        ToneGenerator beep = new ToneGenerator(TonePlan.BEEP, 8000);
        short[] frame = new short[160];
        int played = 0;
        int frames = 0;
        while (!beep.finished()) {
            Arrays.fill(frame, (short) 1);
            played += beep.fill(frame, 0, 160);
            frames++;
        }
        assertThat(played).isEqualTo(2000);
        assertThat(frames).isEqualTo(13);
        assertThat(Arrays.copyOfRange(frame, 80, 160)).as("the rest of the last frame is silence").containsOnly((short) 0);
        assertThat(beep.fill(frame, 0, 160)).isZero();
        assertThat(frame).containsOnly((short) 0);
        beep.restart();
        assertThat(beep.fill(frame, 0, 160)).isEqualTo(160);
    }

    @Test
    void framingDoesNotChangeTheSignal() {
        ToneList tones = ToneList.parse("!350+440/130,480+620/500,0/500");
        short[] whole = new short[24000];
        new ToneGenerator(tones, 8000).fill(whole, 0, whole.length);
        short[] pieces = new short[24000];
        ToneGenerator generator = new ToneGenerator(tones, 8000);
        int off = 0;
        int size = 1;
        while (off < pieces.length) {
            int n = Math.min(size, pieces.length - off);
            generator.fill(pieces, off, n);
            off += n;
            size = size * 7 % 997 + 1;
        }
        assertThat(pieces).isEqualTo(whole);
    }

    @Test
    void aFullScaleDualToneSaturates() {
        short[] out = play("1000+1000", 8000, 0, 800);
        int max = 0;
        for (short s : out) {
            max = Math.max(max, s);
        }
        assertThat(max).isEqualTo(Short.MAX_VALUE);
        assertThat(out[2]).as("never wraps negative at a positive peak").isPositive();
    }

    @Test
    void aFrequencyTheRateCannotCarryIsRefused() {
        assertThatThrownBy(() -> new ToneGenerator(ToneList.parse("350+5000"), 8000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("350+5000").hasMessageContaining("below 4000 Hz");
        assertThatThrownBy(() -> new ToneGenerator(ToneList.parse("440"), 8000, 3))
                .hasMessageContaining("must be 0 or below");
    }
}
