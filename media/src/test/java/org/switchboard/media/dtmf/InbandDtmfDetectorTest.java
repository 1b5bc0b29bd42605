package org.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.media.dtmf.SyntheticAudio.concat;
import static org.switchboard.media.dtmf.SyntheticAudio.dtmf;
import static org.switchboard.media.dtmf.SyntheticAudio.muLawRoundTrip;
import static org.switchboard.media.dtmf.SyntheticAudio.silence;
import static org.switchboard.media.dtmf.SyntheticAudio.tones;
import static org.switchboard.media.dtmf.SyntheticAudio.voiceGlide;
import static org.switchboard.media.dtmf.SyntheticAudio.withNoise;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InbandDtmfDetectorTest {

    /** Feeds audio in 20 ms frames, as the media path does, and returns what was reported. */
    private static RecordingListener detect(short[] audio) {
        return detect(audio, 160);
    }

    private static RecordingListener detect(short[] audio, int frame) {
        InbandDtmfDetector detector = new InbandDtmfDetector();
        RecordingListener listener = new RecordingListener();
        for (int at = 0; at < audio.length; at += frame) {
            detector.process(audio, at, Math.min(frame, audio.length - at), listener);
        }
        return listener;
    }

    private static short[] framed(short[] tone) {
        return concat(silence(100), tone, silence(100));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, -6, -10, -15, -20, -25})
    void everyDigitAtLevelsFromMinus3ToMinus25Dbfs(double level) {
        for (DtmfDigit digit : DtmfDigit.values()) {
            RecordingListener heard = detect(framed(dtmf(digit, 100, level)));

            assertThat(heard.events).as("%s at %s dBFS", digit, level).hasSize(1);
            assertThat(heard.events.getFirst().digit()).isEqualTo(digit);
            assertThat(heard.events.getFirst().durationMillis()).isBetween(87, 113);
            assertThat(heard.events.getFirst().source()).isEqualTo(DtmfSource.INBAND);
            assertThat(heard.starts).containsExactly(digit);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, -10, -25})
    void everyDigitWithWhiteNoiseAt20DbSnrThroughMuLaw(double level) {
        for (DtmfDigit digit : DtmfDigit.values()) {
            short[] audio = muLawRoundTrip(withNoise(framed(dtmf(digit, 60, level)), 20, digit.ordinal()));

            assertThat(detect(audio).digits()).as("%s at %s dBFS", digit, level).isEqualTo(String.valueOf(digit.symbol()));
        }
    }

    @Test
    void sequenceOf50MsDigitsWith50MsPausesIsReadExactly() {
        String keys = "0123456789*#ABCD";
        List<short[]> parts = new ArrayList<>();
        parts.add(silence(50));
        for (char key : keys.toCharArray()) {
            parts.add(dtmf(DtmfDigit.fromChar(key).orElseThrow(), 50, -12));
            parts.add(silence(50));
        }
        short[] audio = concat(parts.toArray(short[][]::new));

        assertThat(detect(audio).digits()).isEqualTo(keys);
        assertThat(detect(muLawRoundTrip(withNoise(audio, 20, 7))).digits()).isEqualTo(keys);
    }

    @Test
    void frameSizeDoesNotChangeWhatIsHeard() {
        short[] audio = concat(silence(30), dtmf(DtmfDigit.FIVE, 70, -10), silence(60), dtmf(DtmfDigit.POUND, 45, -10),
                silence(80));
        for (int frame : new int[] {1, 7, 80, 102, 160, 333, audio.length}) {
            assertThat(detect(audio, frame).digits()).as("frames of %d", frame).isEqualTo("5#");
        }
    }

    @Test
    void a40MsToneIsADigitWhereverItFallsInTheBlocks() {
        for (int shift = 0; shift < InbandDtmfDetector.BLOCK_SAMPLES; shift += 7) {
            short[] audio = concat(new short[shift], dtmf(DtmfDigit.SEVEN, 40, -10), silence(100));

            assertThat(detect(audio).digits()).as("shifted by %d samples", shift).isEqualTo("7");
        }
    }

    @Test
    void burstsOf20MsAreNotDigits() {
        for (int shift = 0; shift < InbandDtmfDetector.BLOCK_SAMPLES; shift += 7) {
            short[] audio = concat(new short[shift], dtmf(DtmfDigit.SEVEN, 20, -10), silence(60),
                    dtmf(DtmfDigit.THREE, 20, -10), silence(100));

            assertThat(detect(audio).events).as("shifted by %d samples", shift).isEmpty();
        }
    }

    @Test
    void aToneBrokenFor10MsStaysOnePress() {
        for (int shift = 0; shift < InbandDtmfDetector.BLOCK_SAMPLES; shift += 7) {
            short[] audio = concat(new short[shift], dtmf(DtmfDigit.NINE, 100, -10), silence(10),
                    dtmf(DtmfDigit.NINE, 100, -10), silence(100));

            assertThat(detect(audio).digits()).as("shifted by %d samples", shift).isEqualTo("9");
        }
    }

    @Test
    void theSameKeyPressedTwiceAfterA40MsPauseIsTwoPresses() {
        for (int shift = 0; shift < InbandDtmfDetector.BLOCK_SAMPLES; shift += 7) {
            short[] audio = concat(new short[shift], dtmf(DtmfDigit.NINE, 60, -10), silence(40),
                    dtmf(DtmfDigit.NINE, 60, -10), silence(100));

            assertThat(detect(audio).digits()).as("shifted by %d samples", shift).isEqualTo("99");
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.985, 1.015})
    void tonesOffBy1point5PercentAreAccepted(double factor) {
        for (DtmfDigit digit : DtmfDigit.values()) {
            assertThat(detect(framed(dtmf(digit, 60, -10, factor, 0))).digits())
                    .as("%s scaled by %s", digit, factor).isEqualTo(String.valueOf(digit.symbol()));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.965, 1.035})
    void tonesOffBy3point5PercentAreRejected(double factor) {
        for (DtmfDigit digit : DtmfDigit.values()) {
            assertThat(detect(framed(dtmf(digit, 500, -10, factor, 0))).events)
                    .as("%s scaled by %s", digit, factor).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {8, 4, 0, -2, -4})
    void twistWithin8DbNormalAnd4DbReverseIsAccepted(double rowOverColumnDb) {
        for (DtmfDigit digit : DtmfDigit.values()) {
            assertThat(detect(framed(dtmf(digit, 60, -10, 1, rowOverColumnDb))).digits())
                    .as("%s, row %s dB over column", digit, rowOverColumnDb).isEqualTo(String.valueOf(digit.symbol()));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {14, -9})
    void twistWellBeyondTheLimitsIsRejected(double rowOverColumnDb) {
        for (DtmfDigit digit : DtmfDigit.values()) {
            assertThat(detect(framed(dtmf(digit, 500, -10, 1, rowOverColumnDb))).events)
                    .as("%s, row %s dB over column", digit, rowOverColumnDb).isEmpty();
        }
    }

    @Test
    void tonesBelowTheMinimumLevelAreIgnored() {
        assertThat(detect(framed(dtmf(DtmfDigit.FIVE, 500, -42))).events).isEmpty();
    }

    @Test
    void voiceLikeGlidesAreNotDigits() {
        double[][] formants = {{700, 1220}, {300, 2300}, {750, 1200}, {500, 1500}, {850, 1350}, {650, 1650}};
        for (double[] f : formants) {
            for (double[] glide : new double[][] {{120, 200}, {200, 120}, {150, 180}}) {
                short[] voice = muLawRoundTrip(voiceGlide(2000, glide[0], glide[1], f[0], f[1], -12));

                assertThat(detect(voice).events).as("glide %s-%s Hz, formants %s/%s", glide[0], glide[1], f[0], f[1]).isEmpty();
            }
        }
    }

    @Test
    void dialToneIsNotADigit() {
        assertThat(detect(tones(3000, new double[] {350, 440}, new double[] {-13, -13})).events).isEmpty();
    }

    @Test
    void singleTonesAreNotDigits() {
        int[] frequencies = {697, 770, 852, 941, 1209, 1336, 1477, 1633, 1000, 425, 2100};
        for (int f : frequencies) {
            assertThat(detect(tones(1000, new double[] {f}, new double[] {-6})).events).as("%d Hz", f).isEmpty();
        }
    }

    @Test
    void silenceAndWhiteNoiseAreNotDigits() {
        assertThat(detect(silence(2000)).events).isEmpty();
        for (double level : new double[] {-3, -10, -20, -30}) {
            assertThat(detect(SyntheticAudio.whiteNoise(3000, level, 1)).events).as("noise at %s dBFS", level).isEmpty();
        }
    }

    @Test
    void resetDropsAPressUnderWay() {
        InbandDtmfDetector detector = new InbandDtmfDetector();
        RecordingListener listener = new RecordingListener();
        short[] tone = dtmf(DtmfDigit.ONE, 100, -10);
        detector.process(tone, 0, tone.length, listener);
        detector.reset();
        short[] quiet = silence(200);
        detector.process(quiet, 0, quiet.length, listener);

        assertThat(listener.starts).containsExactly(DtmfDigit.ONE);
        assertThat(listener.events).isEmpty();
    }
}
