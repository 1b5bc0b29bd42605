package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LevelTest {

    @Test
    void aFullScaleSineIsZeroDbfsAndQuieterSinesReadTheirLevel() {
        assertThat(Level.rmsDbfs(TestSignals.sine(1000, 8000, 160, 0), 0, 160)).isCloseTo(0, within(0.01));
        assertThat(Level.rmsDbfs(TestSignals.sine(1000, 8000, 160, -20), 0, 160)).isCloseTo(-20, within(0.01));
        assertThat(Level.rmsDbfs(TestSignals.sine(440, 48000, 960, -60), 0, 960)).isCloseTo(-60, within(0.05));
    }

    @Test
    void aFullScaleSquareWaveReadsThreeDecibelsOverASine() {
        short[] square = new short[160];
        for (int i = 0; i < square.length; i++) {
            square[i] = i % 8 < 4 ? Short.MAX_VALUE : -Short.MAX_VALUE;
        }
        assertThat(Level.rmsDbfs(square, 0, 160)).isCloseTo(3.01, within(0.01));
    }

    @Test
    void digitalSilenceReadsTheFloorNotMinusInfinity() {
        assertThat(Level.rmsDbfs(new short[160], 0, 160)).isEqualTo(Level.SILENCE_DBFS);
        assertThat(Level.rmsDbfs(new short[0], 0, 0)).isEqualTo(Level.SILENCE_DBFS);
        short[] lsb = new short[160];
        lsb[0] = 1;
        assertThat(Level.rmsDbfs(lsb, 0, 160)).isCloseTo(-109.3, within(0.1));
    }

    @Test
    void onlyTheGivenRangeIsMeasured() {
        short[] pcm = new short[320];
        Arrays.fill(pcm, 160, 320, (short) 10000);
        assertThat(Level.rmsDbfs(pcm, 0, 160)).isEqualTo(Level.SILENCE_DBFS);
        assertThat(Level.rmsDbfs(pcm, 160, 160)).isCloseTo(20 * Math.log10(10000 * Math.sqrt(2) / 32767), within(0.01));
    }

    @Test
    void sinePeakIsTheInverse() {
        assertThat(Level.sinePeak(0)).isEqualTo(32767);
        assertThat(Level.sinePeak(-6.0206)).isCloseTo(16383.5, within(0.1));
    }
}
