package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TonePlanTest {

    @Test
    void fiveCountriesHaveRingbackAndBusy() {
        assertThat(TonePlan.countries()).containsExactly("ch", "de", "fr", "gb", "us");
        for (String country : TonePlan.countries()) {
            TonePlan plan = TonePlan.forCountry(country).orElseThrow();
            assertThat(plan.ringback().finite()).isFalse();
            assertThat(plan.busy().finite()).isFalse();
            new ToneGenerator(plan.ringback(), 8000);
            new ToneGenerator(plan.busy(), 8000);
        }
    }

    @Test
    void codesAreFoundInAnyCaseAndUkIsGreatBritain() {
        assertThat(TonePlan.forCountry(" US ")).map(TonePlan::description).contains("United States / North America");
        assertThat(TonePlan.forCountry("uk")).map(TonePlan::country).contains("gb");
        assertThat(TonePlan.forCountry("xx")).isEmpty();
        assertThat(TonePlan.forCountry(null)).isEmpty();
    }

    @Test
    void theGermanBusyToneIs425HertzFor480Milliseconds() {
        TonePlan de = TonePlan.forCountry("de").orElseThrow();
        short[] out = new short[8000];
        new ToneGenerator(de.busy(), 8000).fill(out, 0, out.length);
        assertThat(TestSignals.toneDb(out, 0, 3840, 425, 8000)).isCloseTo(-16, within(0.2));
        assertThat(TestSignals.rmsDb(out, 3840, 3840)).as("silent half").isInfinite();
        assertThat(out[3839 + 3840 + 1]).as("on again after 960 ms").isZero();
        assertThat(TestSignals.rmsDb(out, 7680, 320)).isCloseTo(-16, within(0.5));
    }

    @Test
    void theBeepIsAQuarterSecondOfOneKilohertzOnce() {
        short[] out = new short[4000];
        ToneGenerator beep = new ToneGenerator(TonePlan.BEEP, 16000);
        assertThat(beep.fill(out, 0, out.length)).isEqualTo(4000);
        assertThat(TestSignals.toneDb(out, 0, 4000, 1000, 16000)).isCloseTo(-16, within(0.05));
        assertThat(beep.fill(out, 0, 10)).isZero();
    }
}
