package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.media.dsp.Goertzel;

class G722Test {

    /** SHA-256 of spandsp 0.0.6's {@code g722_encode} of {@link #digestSignal()}, by {@code SpanDspComparisonTest}. */
    static final String SPANDSP_ENCODED_DIGEST = "2e0c88a74b2f751d983a42551e88f9d44efcd6210883288a46834f3497113c51";
    /** SHA-256 (little-endian samples) of spandsp's {@code g722_decode} of those bytes. */
    static final String SPANDSP_DECODED_DIGEST = "f4d7b361348067257077a1e26f0b3c0cd795151f0a77bc7686f6efc30034a5e7";
    /**
     * SHA-256 of the codes and of their decoding for {@link #fullScaleSignal()}, by the literal
     * transcription of the G.191 reference that this package used before its G.722 was made
     * faster (as of commit bc779c6): it saturates where the reference does, which spandsp does not.
     */
    static final String G191_FULL_SCALE_ENCODED_DIGEST =
            "b85f705072b6e370947bfdd82924152c30d66d8997aae2af3813745f8e90e1c7";
    static final String G191_FULL_SCALE_DECODED_DIGEST =
            "20f41073059732342bcd31e3156e4534416a367c773cff962d3c8ca6e5b0300f";

    private static final int RATE = G722.SAMPLE_RATE;
    private static final int FRAME = 320;
    /** Samples by which output lags input: the transmit and receive QMF, 2 x 11 samples. */
    private static final int DELAY = 22;

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {300, 1000, 3000, 6500})
    void aToneSurvivesWithItsFrequencyDominant(int frequency) {
        short[] input = Signals.tone(frequency, RATE, -10, RATE);
        short[] output = decode(encodeInFrames(input));

        int from = RATE / 10;
        int to = input.length - 64;
        double snr = Signals.snr(input, output, DELAY, from, to);
        System.out.printf("G.722 %d Hz at -10 dBFS: SNR %.1f dB%n", frequency, snr);

        assertThat(snr).isGreaterThan(25);
        Goertzel tone = new Goertzel(frequency, RATE);
        for (int other : new int[] {frequency / 2, frequency * 2 / 3, 2 * frequency, 3 * frequency}) {
            if (other < RATE / 2) {
                double ratio = tone.powerDb(output, from, 3200) - new Goertzel(other, RATE).powerDb(output, from, 3200);
                assertThat(ratio).as("%d Hz over %d Hz", frequency, other).isGreaterThan(25);
            }
        }
    }

    @Test
    void theCodecDelaysByTheTwoQmfFilters() {
        short[] input = Signals.sweep(100, 6000, RATE, -10, RATE);
        short[] output = decode(encodeInFrames(input));
        assertThat(Signals.delay(input, output, 48, RATE / 10, RATE - 64)).isEqualTo(DELAY);
        double snr = Signals.snr(input, output, DELAY, RATE / 10, RATE - 64);
        System.out.printf("G.722 sweep 100-6000 Hz at -10 dBFS: SNR %.1f dB%n", snr);
        assertThat(snr).isGreaterThan(25);
    }

    @Test
    void silenceStaysSilence() {
        short[] output = decode(encodeInFrames(new short[RATE]));
        int peak = 0;
        for (short sample : output) {
            peak = Math.max(peak, Math.abs(sample));
        }
        assertThat(peak).isLessThanOrEqualTo(4);
    }

    @Test
    void manyFramesCodeAsOneLongBuffer() {
        short[] input = Signals.concat(Signals.sweep(50, 7900, RATE, -6, RATE), Signals.noise(3, 8000, RATE / 2));
        byte[] whole = new byte[input.length / 2];
        G722.INSTANCE.newEncoder().encode(input, 0, input.length, whole, 0);
        assertThat(encodeInFrames(input)).isEqualTo(whole);

        short[] decodedWhole = new short[input.length];
        G722.INSTANCE.newDecoder().decode(whole, 0, whole.length, decodedWhole, 0);
        assertThat(decode(whole)).isEqualTo(decodedWhole);
    }

    @Test
    void bytesOfAnyValueDecode() {
        SplittableRandom random = new SplittableRandom(11);
        AudioDecoder decoder = G722.INSTANCE.newDecoder();
        short[] pcm = new short[2 * 1500];
        for (int round = 0; round < 2000; round++) {
            byte[] payload = new byte[random.nextInt(0, 1501)];
            random.nextBytes(payload);
            assertThat(decoder.decode(payload, 0, payload.length, pcm, 0)).isEqualTo(2 * payload.length);
        }
    }

    @Test
    void aFullScaleSquareWaveComesOutLoudWithoutWrappingAround() {
        short[] square = new short[RATE];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 8) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        short[] output = decode(encodeInFrames(square));
        assertThat(Signals.rmsDbfs(output, RATE / 10, RATE)).isGreaterThan(-6);
        int wrapped = 0;
        for (int i = RATE / 10; i < RATE - DELAY; i++) {
            boolean opposite = (output[i + DELAY] < 0) != (square[i] < 0);
            wrapped += opposite && Math.abs(output[i + DELAY]) > 24000 ? 1 : 0;
        }
        assertThat(wrapped).as("loud samples of the wrong sign").isZero();
    }

    @Test
    void rtpTimestampsAdvanceByHalfTheSamples() {
        AudioEncoder encoder = G722.INSTANCE.newEncoder();
        byte[] out = new byte[160];
        assertThat(encoder.encode(new short[FRAME], 0, FRAME, out, 0)).isEqualTo(160);
        assertThat(encoder.timestampUnits(FRAME)).isEqualTo(160);
        assertThat(G722.INSTANCE.newDecoder().maxSamples(160)).isEqualTo(FRAME);
    }

    @Test
    void anOddNumberOfSamplesIsNotAFrame() {
        AudioEncoder encoder = G722.INSTANCE.newEncoder();
        assertThatThrownBy(() -> encoder.encode(new short[FRAME], 0, 319, new byte[160], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("319");
        assertThatThrownBy(() -> encoder.encode(new short[FRAME], 0, FRAME, new byte[159], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("159");
        assertThatThrownBy(() -> G722.INSTANCE.newDecoder().decode(new byte[160], 0, 160, new short[319], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesItselfAsRfc3551Says() {
        assertThat(G722.INSTANCE.encodingName()).isEqualTo("G722");
        assertThat(G722.INSTANCE.clockRate()).isEqualTo(8000);
        assertThat(G722.INSTANCE.sampleRate()).isEqualTo(16000);
        assertThat(G722.INSTANCE.staticPayloadType()).isEqualTo(9);
        assertThat(G722.INSTANCE.sdpChannels()).isEqualTo(1);
        assertThat(G722.INSTANCE).hasToString("G722/8000");
    }

    @Test
    void aLostPacketFadesTheLastFrame() {
        short[] tone = Signals.tone(1000, RATE, -10, FRAME);
        byte[] payload = new byte[FRAME / 2];
        G722.INSTANCE.newEncoder().encode(tone, 0, FRAME, payload, 0);
        AudioDecoder decoder = G722.INSTANCE.newDecoder();
        short[] pcm = new short[FRAME];
        decoder.decode(payload, 0, payload.length, pcm, 0);
        double good = Signals.rmsDbfs(pcm, 0, FRAME);

        assertThat(decoder.conceal(pcm, 0, FRAME)).isEqualTo(FRAME);
        double first = Signals.rmsDbfs(pcm, 0, FRAME);
        decoder.conceal(pcm, 0, FRAME);
        decoder.conceal(pcm, 0, FRAME);
        assertThat(first).isLessThan(good).isGreaterThan(good - 6);
        decoder.conceal(pcm, 0, FRAME);
        assertThat(pcm).as("after %d ms", FadeConcealment.FADE_MS).containsOnly((short) 0);
    }

    @Test
    void matchesTheDigestsOfSpandsp() {
        short[] signal = digestSignal();
        byte[] codes = new byte[signal.length / 2];
        G722.INSTANCE.newEncoder().encode(signal, 0, signal.length, codes, 0);
        short[] decoded = new short[signal.length];
        G722.INSTANCE.newDecoder().decode(codes, 0, codes.length, decoded, 0);
        assertThat(sha256(codes)).isEqualTo(SPANDSP_ENCODED_DIGEST);
        assertThat(sha256(decoded)).isEqualTo(SPANDSP_DECODED_DIGEST);
    }

    @Test
    void fullScaleSignalsSaturateAsTheG191Reference() {
        short[] signal = fullScaleSignal();
        byte[] codes = new byte[signal.length / 2];
        G722.INSTANCE.newEncoder().encode(signal, 0, signal.length, codes, 0);
        short[] decoded = new short[signal.length];
        G722.INSTANCE.newDecoder().decode(codes, 0, codes.length, decoded, 0);
        assertThat(sha256(codes)).isEqualTo(G191_FULL_SCALE_ENCODED_DIGEST);
        assertThat(sha256(decoded)).isEqualTo(G191_FULL_SCALE_DECODED_DIGEST);
    }

    /**
     * Signals SpanDspComparisonTest runs through both implementations: all but a full-scale square
     * wave, whose transmit QMF output needs G.722's LIMIT, which spandsp 0.0.6 lacks.
     */
    static List<short[]> comparisonSignals() {
        short[] impulses = new short[RATE];
        for (int i = 100; i < impulses.length; i += 997) {
            impulses[i] = (short) (i % 2 == 0 ? 30000 : -30000);
        }
        return List.of(
                Signals.tone(300, RATE, -10, RATE),
                Signals.tone(1000, RATE, -10, RATE),
                Signals.tone(3000, RATE, -10, RATE),
                Signals.tone(6500, RATE, -10, RATE),
                Signals.tone(1000, RATE, 0, RATE),
                Signals.sweep(20, 7990, RATE, -3, 2 * RATE),
                Signals.noise(1, 1000, RATE),
                Signals.noise(2, 32767, RATE),
                impulses,
                new short[RATE]);
    }

    /** Two and a half seconds of tones, a sweep, quiet and loud noise and silence, never clipping. */
    static short[] digestSignal() {
        return Signals.concat(
                Signals.tone(440, RATE, -20, RATE / 2),
                Signals.sweep(30, 7950, RATE, -6, RATE),
                Signals.noise(5, 300, RATE / 4),
                Signals.noise(6, 12000, RATE / 4),
                new short[RATE / 4],
                Signals.tone(7000, RATE, -6, RATE / 4));
    }

    /**
     * Full-scale square waves and noise: where spandsp 0.0.6 departs from G.191 (no LIMIT of the
     * transmit QMF, wrapped output), so its digests cannot pin our results there.
     */
    static short[] fullScaleSignal() {
        short[] square = new short[RATE / 2];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 8) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        short[] slowSquare = new short[RATE / 2];
        for (int i = 0; i < slowSquare.length; i++) {
            slowSquare[i] = (i / 40) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        return Signals.concat(square, Signals.noise(9, 32767, RATE / 2), slowSquare,
                Signals.tone(3500, RATE, 0, RATE / 2));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String sha256(short[] samples) {
        ByteBuffer bytes = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(samples);
        return sha256(bytes.array());
    }

    private static byte[] encodeInFrames(short[] input) {
        AudioEncoder encoder = G722.INSTANCE.newEncoder();
        byte[] codes = new byte[input.length / 2];
        for (int at = 0; at + FRAME <= input.length; at += FRAME) {
            assertThat(encoder.encode(input, at, FRAME, codes, at / 2)).isEqualTo(FRAME / 2);
        }
        return codes;
    }

    private static short[] decode(byte[] codes) {
        AudioDecoder decoder = G722.INSTANCE.newDecoder();
        short[] pcm = new short[2 * codes.length];
        for (int at = 0; at < codes.length; at += FRAME / 2) {
            int length = Math.min(FRAME / 2, codes.length - at);
            decoder.decode(codes, at, length, pcm, 2 * at);
        }
        return pcm;
    }
}
