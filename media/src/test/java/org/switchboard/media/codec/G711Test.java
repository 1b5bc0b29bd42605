package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.media.dsp.Goertzel;

class G711Test {

    private static final int FRAME = 160;

    /**
     * The telephony test tone is 1004 Hz, not 1000 Hz: 1000 Hz repeats every 8 samples at 8 kHz,
     * so it would measure the error of 8 sample values only (40.9 dB for µ-law, flattering).
     */
    @ParameterizedTest
    @EnumSource(G711.class)
    void aToneAtMinus10DbfsSurvivesWithTheSnrOfG711(G711 law) {
        short[] input = Signals.tone(1004, G711.RATE, -10, G711.RATE);
        short[] output = roundTrip(law, input);

        double snr = Signals.snr(input, output, 0, 0, input.length);
        System.out.printf("%s 1004 Hz at -10 dBFS: SNR %.1f dB%n", law, snr);
        assertThat(snr).isBetween(35.0, 39.0);
        double tone = new Goertzel(1004, G711.RATE).powerDb(output, 0, 8000);
        assertThat(tone).isCloseTo(-10, offset(0.2));
        assertThat(tone - new Goertzel(3012, G711.RATE).powerDb(output, 0, 8000)).isGreaterThan(40);
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void describesItselfAsRfc3551Says(G711 law) {
        assertThat(law.encodingName()).isEqualTo(law.name());
        assertThat(law.clockRate()).isEqualTo(8000);
        assertThat(law.sampleRate()).isEqualTo(8000);
        assertThat(law.sdpChannels()).isEqualTo(1);
        assertThat(law.staticPayloadType()).isEqualTo(law == G711.PCMU ? 0 : 8);
        assertThat(law).hasToString(law.name() + "/8000");
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void oneBytePerSampleAndOneTimestampUnitPerSample(G711 law) {
        AudioEncoder encoder = law.newEncoder();
        byte[] out = new byte[FRAME + 4];
        assertThat(encoder.encode(new short[FRAME + 10], 10, FRAME, out, 4)).isEqualTo(FRAME);
        assertThat(out[3]).isZero();
        assertThat(out[4]).isEqualTo(law == G711.PCMU ? MuLaw.SILENCE : ALaw.SILENCE);
        assertThat(encoder.timestampUnits(FRAME)).isEqualTo(FRAME);
        assertThat(law.newDecoder().maxSamples(FRAME)).isEqualTo(FRAME);
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void payloadsOfAnyLengthAndContentDecode(G711 law) {
        SplittableRandom random = new SplittableRandom(5);
        AudioDecoder decoder = law.newDecoder();
        short[] pcm = new short[1500];
        for (int round = 0; round < 500; round++) {
            byte[] payload = new byte[random.nextInt(0, 1501)];
            random.nextBytes(payload);
            assertThat(decoder.decode(payload, 0, payload.length, pcm, 0)).isEqualTo(payload.length);
        }
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void aLostPacketFadesTheLastFrameToSilence(G711 law) {
        AudioDecoder decoder = law.newDecoder();
        short[] pcm = new short[FRAME];
        assertThat(decoder.conceal(pcm, 0, FRAME)).as("nothing heard yet").isEqualTo(FRAME);
        assertThat(pcm).containsOnly((short) 0);

        byte[] payload = encode(law, Signals.tone(1000, G711.RATE, -10, FRAME));
        decoder.decode(payload, 0, FRAME, pcm, 0);
        double good = Signals.rmsDbfs(pcm, 0, FRAME);
        decoder.conceal(pcm, 0, FRAME);
        double first = Signals.rmsDbfs(pcm, 0, FRAME);
        assertThat(first).isLessThan(good).isGreaterThan(good - 6);
        assertThat(new Goertzel(1000, G711.RATE).powerDb(pcm, 0, 80)).as("still the tone").isGreaterThan(-16);
        decoder.conceal(pcm, 0, FRAME);
        double second = Signals.rmsDbfs(pcm, 0, FRAME);
        assertThat(second).isLessThan(first);
        decoder.conceal(pcm, 0, FRAME);
        decoder.conceal(pcm, 0, FRAME);
        assertThat(pcm).as("after %d ms", FadeConcealment.FADE_MS).containsOnly((short) 0);

        decoder.decode(payload, 0, FRAME, pcm, 0);
        decoder.conceal(pcm, 0, FRAME);
        assertThat(Signals.rmsDbfs(pcm, 0, FRAME)).as("a good frame restores the level").isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void buffersThatDoNotFitAreTheCallersError(G711 law) {
        AudioEncoder encoder = law.newEncoder();
        assertThatThrownBy(() -> encoder.encode(new short[FRAME], 0, FRAME, new byte[FRAME - 1], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(law.name());
        assertThatThrownBy(() -> encoder.encode(new short[FRAME], 1, FRAME, new byte[FRAME], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(new short[FRAME], 0, -1, new byte[FRAME], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> law.newDecoder().decode(new byte[FRAME], 0, FRAME, new short[FRAME - 1], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> law.newDecoder().conceal(new short[FRAME], 1, FRAME))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] encode(G711 law, short[] pcm) {
        byte[] out = new byte[pcm.length];
        law.newEncoder().encode(pcm, 0, pcm.length, out, 0);
        return out;
    }

    private static short[] roundTrip(G711 law, short[] input) {
        AudioEncoder encoder = law.newEncoder();
        AudioDecoder decoder = law.newDecoder();
        byte[] payload = new byte[FRAME];
        short[] output = new short[input.length];
        for (int at = 0; at < input.length; at += FRAME) {
            encoder.encode(input, at, FRAME, payload, 0);
            decoder.decode(payload, 0, FRAME, output, at);
        }
        return output;
    }
}
