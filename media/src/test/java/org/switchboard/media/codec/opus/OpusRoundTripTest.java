package org.switchboard.media.codec.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a user hears through each Opus implementation: tones, losses, bad packets, misuse. */
class OpusRoundTripTest {

    private static final double AMPLITUDE = 0.3; // about -10.5 dBFS, a loud voice
    private static final double AMPLITUDE_DB = 20 * Math.log10(AMPLITUDE);

    static OpusCodec codec(OpusImplementation implementation) {
        return OpusCodec.load(List.of(implementation)).codec().orElseThrow();
    }

    /** Encodes {@code input} in frames of {@code frame}, decodes each payload, returns the audio. */
    static short[] roundTrip(OpusEncoder encoder, OpusDecoder decoder, short[] input, int frame) {
        short[] output = new short[input.length];
        byte[] payload = new byte[1500];
        short[] pcm = new short[decoder.maxSamples(0)];
        for (int at = 0; at + frame <= input.length; at += frame) {
            int length = encoder.encode(input, at, frame, payload, 0);
            assertThat(length).isBetween(1, 1500);
            int samples = decoder.decode(payload, 0, length, pcm, 0);
            assertThat(samples).isEqualTo(frame);
            System.arraycopy(pcm, 0, output, at, samples);
        }
        return output;
    }

    @ParameterizedTest
    @EnumSource(OpusImplementation.class)
    void aThousandHertzToneComesBackAtItsFrequencyAndLevel(OpusImplementation implementation) {
        assertToneSurvives(codec(implementation), 48000);
    }

    @ParameterizedTest
    @EnumSource(OpusImplementation.class)
    void aNarrowLegCanRunItsPcmAtSixteenKilohertz(OpusImplementation implementation) {
        OpusCodec wideband = codec(implementation).withSampleRate(16000);
        assertThat(wideband.clockRate()).isEqualTo(48000);
        try (OpusEncoder encoder = wideband.newEncoder()) {
            assertThat(encoder.timestampUnits(320)).as("20 ms still counts 960 on the 48 kHz RTP clock").isEqualTo(960);
        }
        assertToneSurvives(wideband, 16000);
    }

    private static void assertToneSurvives(OpusCodec codec, int rate) {
        int frame = rate / 50;
        short[] input = Tones.sine(1000, rate, AMPLITUDE, rate); // one second
        short[] output;
        try (OpusEncoder encoder = codec.newEncoder(); OpusDecoder decoder = codec.newDecoder()) {
            output = roundTrip(encoder, decoder, input, frame);
        }
        int settled = 10 * frame; // past the codec delay (a few ms) and the encoder's start-up
        int length = rate - settled - 2 * frame;
        assertThat(Tones.energyShare(output, settled, length, 1000, rate))
                .as("share of the decoded energy at 1 kHz").isGreaterThan(0.95);
        assertThat(Tones.levelDb(output, settled, length, 1000, rate))
                .as("1 kHz level in dBFS").isCloseTo(AMPLITUDE_DB, within(2.0));
        assertThat(Tones.levelDb(output, settled, length, 2000, rate)).as("no 2 kHz harmonic").isLessThan(AMPLITUDE_DB - 30);
    }

    @ParameterizedTest
    @EnumSource(OpusImplementation.class)
    void concealmentFillsALostFrameWithTheRightLengthAndKeepsTheTone(OpusImplementation implementation) {
        OpusCodec codec = codec(implementation);
        short[] input = Tones.sine(1000, 48000, AMPLITUDE, 48000 / 2);
        try (OpusEncoder encoder = codec.newEncoder(); OpusDecoder decoder = codec.newDecoder()) {
            roundTrip(encoder, decoder, input, 960);
            short[] pcm = new short[960];
            assertThat(decoder.conceal(pcm, 0, 960)).isEqualTo(960);
            assertThat(Tones.levelDb(pcm, 0, 960, 1000, 48000))
                    .as("the codec's PLC extrapolates the tone instead of going silent").isGreaterThan(AMPLITUDE_DB - 12);
            short[] odd = new short[1000];
            assertThat(decoder.conceal(odd, 0, 1000)).as("rounded down to 2.5 ms").isEqualTo(960);
            assertThat(decoder.conceal(new short[10], 0, 10)).as("shorter than 2.5 ms").isZero();
        }
    }

    /**
     * The lost packet is the first of a tone after silence: concealment can only extrapolate the
     * silence, the FEC in the next packet (libopus's encoder, SILK mode) carries the tone itself.
     * Both decoders are tried; Concentus's encoder, at 24 kbit/s, codes hybrid frames without FEC
     * (see {@link #recoveryWithoutFecStillFillsTheFrame}).
     */
    @ParameterizedTest
    @EnumSource(OpusImplementation.class)
    void inBandFecRebuildsALostPacketFromTheNextOne(OpusImplementation decoding) {
        byte[][] packets = silenceThenTone(codec(OpusImplementation.NATIVE));
        int lost = 20;
        try (OpusDecoder withFec = codec(decoding).newDecoder(); OpusDecoder withPlc = codec(decoding).newDecoder()) {
            short[] pcm = new short[withFec.maxSamples(0)];
            for (int i = 0; i < lost; i++) {
                withFec.decode(packets[i], 0, packets[i].length, pcm, 0);
                withPlc.decode(packets[i], 0, packets[i].length, pcm, 0);
            }
            assertThat(withPlc.conceal(pcm, 0, 960)).isEqualTo(960);
            assertThat(Tones.levelDb(pcm, 0, 960, 440, 48000)).as("concealment of the onset").isLessThan(AMPLITUDE_DB - 40);
            assertThat(withFec.recover(packets[lost + 1], 0, packets[lost + 1].length, pcm, 0, 960)).isEqualTo(960);
            assertThat(Tones.levelDb(pcm, 0, 960, 440, 48000)).as("FEC of the onset").isGreaterThan(AMPLITUDE_DB - 8);
            assertThat(withFec.decode(packets[lost + 1], 0, packets[lost + 1].length, pcm, 0)).isEqualTo(960);
            assertThat(withFec.recover(new byte[] {1, 2}, 0, 5, pcm, 0, 960)).as("slice outside the array").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(OpusImplementation.class)
    void recoveryWithoutFecStillFillsTheFrame(OpusImplementation implementation) {
        byte[][] packets = silenceThenTone(codec(implementation));
        try (OpusDecoder decoder = codec(implementation).newDecoder()) {
            short[] pcm = new short[decoder.maxSamples(0)];
            for (int i = 0; i < 30; i++) {
                decoder.decode(packets[i], 0, packets[i].length, pcm, 0);
            }
            assertThat(decoder.recover(packets[31], 0, packets[31].length, pcm, 0, 960)).isEqualTo(960);
            assertThat(Tones.levelDb(pcm, 0, 960, 440, 48000)).as("FEC or concealment keeps the tone")
                    .isGreaterThan(AMPLITUDE_DB - 12);
        }
    }

    /** 50 packets of 20 ms at 24 kbit/s with FEC for 20 % loss: 400 ms of silence, then 440 Hz. */
    private static byte[][] silenceThenTone(OpusCodec codec) {
        OpusCodec lossy = codec.withSettings(OpusEncoderSettings.VOICE.withBitrate(24000).withPacketLossPercent(20));
        short[] input = new short[48000];
        System.arraycopy(Tones.sine(440, 48000, AMPLITUDE, 48000), 0, input, 20 * 960, 30 * 960);
        byte[][] packets = new byte[50][];
        try (OpusEncoder encoder = lossy.newEncoder()) {
            byte[] payload = new byte[1500];
            for (int i = 0; i < 50; i++) {
                packets[i] = Arrays.copyOf(payload, encoder.encode(input, i * 960, 960, payload, 0));
            }
        }
        return packets;
    }

    @ParameterizedTest
    @EnumSource(OpusImplementation.class)
    void garbageGivesNoSamplesOrConcealmentNeverAnException(OpusImplementation implementation) {
        OpusCodec codec = codec(implementation);
        Random random = new Random(7587);
        try (OpusDecoder decoder = codec.newDecoder()) {
            short[] pcm = new short[decoder.maxSamples(0)];
            for (int i = 0; i < 1500; i++) {
                byte[] junk = new byte[random.nextInt(1, 1400)];
                random.nextBytes(junk);
                int samples = decoder.decode(junk, 0, junk.length, pcm, 0);
                assertThat(samples).isBetween(0, pcm.length);
                assertThat(samples % 120).as("whole 2.5 ms units").isZero();
            }
            assertThat(decoder.decode(new byte[0], 0, 0, pcm, 0)).isZero();
            assertThat(decoder.decode(null, 0, 10, pcm, 0)).isZero();
            assertThat(decoder.decode(new byte[10], 5, 10, pcm, 0)).as("slice past the end").isZero();
            assertThat(decoder.decode(new byte[10], -1, 3, pcm, 0)).isZero();
            assertThat(decoder.decode(new byte[20_000], 0, 20_000, pcm, 0)).as("longer than any Opus packet").isZero();
            // code 3 packet (RFC 6716 §3.2.5) claiming 48 frames of 60 ms: more than 120 ms
            assertThat(decoder.decode(new byte[] {(byte) 0xFB, (byte) 0x30, 0, 0}, 0, 4, pcm, 0)).isZero();
            // a valid 20 ms packet that does not fit the caller's array
            byte[] payload = new byte[1500];
            int length;
            try (OpusEncoder encoder = codec.newEncoder()) {
                length = encoder.encode(new short[960], 0, 960, payload, 0);
            }
            assertThat(decoder.decode(payload, 0, length, new short[100], 0)).isZero();
            assertThat(decoder.decode(payload, 0, length, pcm, 0)).as("the decoder still works").isEqualTo(960);
        }
    }

    @ParameterizedTest
    @EnumSource(OpusImplementation.class)
    void badFramesAreRefusedWithAClearMessage(OpusImplementation implementation) {
        try (OpusEncoder encoder = codec(implementation).newEncoder()) {
            assertThatThrownBy(() -> encoder.encode(new short[1000], 0, 1000, new byte[1500], 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Opus frame");
            assertThatThrownBy(() -> encoder.encode(new short[960], 10, 960, new byte[1500], 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no 960 samples");
            assertThatThrownBy(() -> encoder.encode(new short[960], 0, 960, new byte[10], 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no room");
            for (int frame : new int[] {120, 240, 480, 960, 1920, 2880}) {
                assertThat(encoder.encode(new short[frame], 0, frame, new byte[1500], 0)).as(frame + " samples").isPositive();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(OpusImplementation.class)
    void closingTwiceIsHarmlessAndAClosedCoderSaysSo(OpusImplementation implementation) {
        OpusCodec codec = codec(implementation);
        OpusEncoder encoder = codec.newEncoder();
        OpusDecoder decoder = codec.newDecoder();
        encoder.close();
        encoder.close();
        decoder.close();
        decoder.close();
        assertThatThrownBy(() -> encoder.encode(new short[960], 0, 960, new byte[1500], 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        short[] pcm = new short[5760];
        assertThat(decoder.decode(new byte[] {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE}, 0, 3, pcm, 0)).isZero();
        assertThat(decoder.conceal(pcm, 0, 960)).isZero();
        encoder.packetLossPercent(10); // ignored, no crash
    }

    @ParameterizedTest
    @EnumSource(OpusImplementation.class)
    void dtxSendsTinyPayloadsDuringSilence(OpusImplementation implementation) {
        OpusCodec codec = codec(implementation).withSettings(OpusEncoderSettings.VOICE.withDtx(true));
        try (OpusEncoder encoder = codec.newEncoder()) {
            byte[] payload = new byte[1500];
            int last = 0;
            for (int i = 0; i < 50; i++) {
                last = encoder.encode(new short[960], 0, 960, payload, 0);
            }
            assertThat(last).as("after a second of silence the payload need not be sent").isLessThanOrEqualTo(2);
        }
    }
}
