package org.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.switchboard.media.dsp.Goertzel;

class DtmfFilterBankTest {

    private static final int RATE = InbandDtmfDetector.SAMPLE_RATE;

    @Test
    void givesEachFrequencyExactlyTheGoertzelPowerOfThatFrequency() {
        DtmfFilterBank bank = new DtmfFilterBank(RATE);
        SplittableRandom random = new SplittableRandom(3);
        double[] rows = new double[4];
        double[] columns = new double[4];
        for (int round = 0; round < 500; round++) {
            short[] pcm = new short[InbandDtmfDetector.BLOCK_SAMPLES + 40];
            int amplitude = random.nextInt(1, 32768);
            double row = DtmfDigit.ROWS_HZ[round % 4];
            double column = DtmfDigit.COLUMNS_HZ[(round / 4) % 4];
            for (int i = 0; i < pcm.length; i++) {
                double tone = Math.sin(2 * Math.PI * row * i / RATE) + Math.sin(2 * Math.PI * column * i / RATE);
                pcm[i] = (short) Math.clamp(amplitude * tone / 2 + random.nextInt(-500, 501), -32768, 32767);
            }
            int offset = random.nextInt(0, 40);
            int length = round % 7 == 0 ? random.nextInt(0, 80) : InbandDtmfDetector.BLOCK_SAMPLES;
            bank.powers(pcm, offset, length, rows, columns);
            for (int i = 0; i < 4; i++) {
                assertThat(rows[i]).isEqualTo(new Goertzel(DtmfDigit.ROWS_HZ[i], RATE).power(pcm, offset, length));
                assertThat(columns[i])
                        .isEqualTo(new Goertzel(DtmfDigit.COLUMNS_HZ[i], RATE).power(pcm, offset, length));
            }
        }
    }

    @Test
    void aKeyShowsAsItsRowAndColumnAtFullScale() {
        short[] pcm = SyntheticAudio.dtmf(DtmfDigit.FIVE, 20, -3);
        double[] rows = new double[4];
        double[] columns = new double[4];
        new DtmfFilterBank(RATE).powers(pcm, 0, InbandDtmfDetector.BLOCK_SAMPLES, rows, columns);
        assertThat(rows[1]).isGreaterThan(10 * Math.max(Math.max(rows[0], rows[2]), rows[3]));
        assertThat(columns[1]).isGreaterThan(10 * Math.max(Math.max(columns[0], columns[2]), columns[3]));
    }
}
