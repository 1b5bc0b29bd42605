package org.switchboard.media.codec.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpusCodecTest {

    @Test
    void sdpSeesOpusAsRfc7587NamesIt() {
        OpusCodec opus = OpusCodec.load().codec().orElseThrow();
        assertThat(opus.encodingName()).isEqualTo("opus");
        assertThat(opus.clockRate()).isEqualTo(48000);
        assertThat(opus.sdpChannels()).isEqualTo(2);
        assertThat(opus.staticPayloadType()).isEqualTo(-1);
        assertThat(opus.sampleRate()).isEqualTo(48000);
        try (OpusEncoder encoder = opus.newEncoder()) {
            assertThat(encoder.timestampUnits(960)).isEqualTo(960);
        }
    }

    @Test
    void theSystemLibopusIsPreferred() {
        OpusSupport support = OpusCodec.load();
        assertThat(support).isInstanceOf(OpusSupport.Available.class);
        assertThat(support.codec().orElseThrow().implementation()).isEqualTo(OpusImplementation.NATIVE);
        assertThat(support.description()).contains("libopus 1.");
    }

    @Test
    void aSystemPropertyForcesThePureJavaFallbackOrTurnsOpusOff() {
        String before = System.getProperty(OpusCodec.IMPLEMENTATION_PROPERTY);
        try {
            System.setProperty(OpusCodec.IMPLEMENTATION_PROPERTY, "java");
            OpusCodec java = OpusCodec.load().codec().orElseThrow();
            assertThat(java.implementation()).isEqualTo(OpusImplementation.JAVA);
            assertThat(java.description()).startsWith("Concentus 1.0.2");

            System.setProperty(OpusCodec.IMPLEMENTATION_PROPERTY, "none");
            assertThat(OpusCodec.load()).isInstanceOf(OpusSupport.Unavailable.class);

            System.setProperty(OpusCodec.IMPLEMENTATION_PROPERTY, "bogus, native");
            assertThat(OpusCodec.load().codec().orElseThrow().implementation()).isEqualTo(OpusImplementation.NATIVE);
        } finally {
            if (before == null) {
                System.clearProperty(OpusCodec.IMPLEMENTATION_PROPERTY);
            } else {
                System.setProperty(OpusCodec.IMPLEMENTATION_PROPERTY, before);
            }
        }
    }

    @Test
    void withoutLibopusTheJavaPortTakesOverAndSaysWhy(@TempDir Path dir) {
        // a directory is not a library file; a soname the dynamic linker does not know fails to load
        List<String> nowhere = List.of("/nonexistent/libopus.so.0", dir.toString(), "libswitchboard-no-such-opus.so.0");

        OpusSupport support = OpusCodec.load(List.of(OpusImplementation.NATIVE, OpusImplementation.JAVA), nowhere);

        assertThat(support.codec().orElseThrow().implementation()).isEqualTo(OpusImplementation.JAVA);
        assertThat(support.description()).contains("Concentus").contains("native Opus unavailable")
                .contains("libswitchboard-no-such-opus.so.0");
    }

    @Test
    void whenNothingLoadsOpusIsUnavailableNotACrash() {
        OpusSupport support = OpusCodec.load(List.of(OpusImplementation.NATIVE), List.of("/nonexistent/libopus.so.0"));

        assertThat(support).isInstanceOf(OpusSupport.Unavailable.class);
        assertThat(support.codec()).isEmpty();
        assertThat(support.description()).startsWith("Opus unavailable, SDP will not offer it")
                .contains("libopus not found");
        assertThat(OpusCodec.load(List.of()).description()).contains("no implementation allowed");
    }

    @Test
    void thePcmRateIsOneOpusTakes() {
        OpusCodec opus = OpusCodec.load().codec().orElseThrow();
        for (int rate : new int[] {8000, 12000, 16000, 24000, 48000}) {
            assertThat(opus.withSampleRate(rate).sampleRate()).isEqualTo(rate);
        }
        assertThatThrownBy(() -> opus.withSampleRate(44100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("44100 Hz");
        try (OpusEncoder encoder = opus.withSampleRate(8000).newEncoder()) {
            assertThat(encoder.timestampUnits(160)).isEqualTo(960);
        }
    }

    @Test
    void perLegSettingsReachTheEncoder() {
        OpusCodec opus = OpusCodec.load().codec().orElseThrow();
        OpusEncoderSettings low = opus.settings().towards(OpusParameters.parse("maxaveragebitrate=8000;maxplaybackrate=8000"));
        short[] speechLike = Tones.sine(300, 48000, 0.3, 48000);
        byte[] payload = new byte[1500];
        int bytes = 0;
        try (OpusEncoder encoder = opus.newEncoder(low)) {
            for (int at = 0; at < speechLike.length; at += 960) {
                bytes += encoder.encode(speechLike, at, 960, payload, 0);
            }
        }
        assertThat(bytes * 8).as("bits in one second").isLessThan(10_000);
        assertThat(payload[0] & 0xE0).as("TOC config 0..3: SILK narrowband (RFC 6716 §3.1)").isZero();
    }
}
