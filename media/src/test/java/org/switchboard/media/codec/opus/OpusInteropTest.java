package org.switchboard.media.codec.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** libopus and Concentus speak the same bitstream (RFC 6716) both ways. */
class OpusInteropTest {

    @ParameterizedTest(name = "{0} encoder -> {1} decoder")
    @CsvSource({"NATIVE, JAVA", "JAVA, NATIVE"})
    void oneImplementationDecodesTheOthersTone(OpusImplementation encoding, OpusImplementation decoding) {
        OpusCodec encoderSide = OpusCodec.load(List.of(encoding)).codec().orElseThrow();
        OpusCodec decoderSide = OpusCodec.load(List.of(decoding)).codec().orElseThrow();
        short[] input = Tones.sine(1000, 48000, 0.3, 48000);
        short[] output;
        try (OpusEncoder encoder = encoderSide.newEncoder(); OpusDecoder decoder = decoderSide.newDecoder()) {
            output = OpusRoundTripTest.roundTrip(encoder, decoder, input, 960);
        }
        assertThat(Tones.energyShare(output, 9600, 36000, 1000, 48000)).isGreaterThan(0.95);
        assertThat(Tones.levelDb(output, 9600, 36000, 1000, 48000)).isCloseTo(20 * Math.log10(0.3), within(2.0));
    }
}
