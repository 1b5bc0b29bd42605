package org.switchboard.media.codec.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpusEncoderSettingsTest {

    @Test
    void theReceiversFmtpCapsBitrateAndBandAndChoosesFecAndDtx() {
        OpusEncoderSettings towards = OpusEncoderSettings.VOICE.towards(
                OpusParameters.parse("maxaveragebitrate=16000;maxplaybackrate=16000;useinbandfec=1;usedtx=1"));
        assertThat(towards.bitrate()).isEqualTo(16000);
        assertThat(towards.maxPlaybackRate()).isEqualTo(16000);
        assertThat(towards.maxBandwidthCode()).as("wideband").isEqualTo(1103);
        assertThat(towards.inbandFec()).isTrue();
        assertThat(towards.dtx()).isTrue();
        assertThat(towards.complexity()).isEqualTo(OpusEncoderSettings.VOICE.complexity());
    }

    @Test
    void aReceiverThatSaysNothingGetsOurDefaultsWithoutFec() {
        OpusEncoderSettings towards = OpusEncoderSettings.VOICE.towards(OpusParameters.DEFAULTS);
        assertThat(towards.bitrate()).isEqualTo(OpusEncoderSettings.VOICE.bitrate());
        assertThat(towards.maxBandwidthCode()).as("fullband").isEqualTo(1105);
        assertThat(towards.inbandFec()).as("its decoder would not use it (RFC 7587 §6.1)").isFalse();
        assertThat(towards.dtx()).isFalse();
    }

    @Test
    void aHigherCapThanOursKeepsOurBitrate() {
        assertThat(OpusEncoderSettings.VOICE.towards(OpusParameters.parse("maxaveragebitrate=128000")).bitrate())
                .isEqualTo(OpusEncoderSettings.VOICE.bitrate());
    }

    @Test
    void playbackRatesMapToOpusBands() {
        int[][] expected = {{8000, 1101}, {12000, 1102}, {16000, 1103}, {24000, 1104}, {44100, 1105}, {48000, 1105}};
        for (int[] pair : expected) {
            OpusEncoderSettings s = new OpusEncoderSettings(32000, 5, false, 0, false, pair[0]);
            assertThat(s.maxBandwidthCode()).as(pair[0] + " Hz").isEqualTo(pair[1]);
        }
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheRange() {
        assertThatThrownBy(() -> OpusEncoderSettings.VOICE.withBitrate(1000)).hasMessageContaining("6000..510000");
        assertThatThrownBy(() -> OpusEncoderSettings.VOICE.withComplexity(11)).hasMessageContaining("0..10");
        assertThatThrownBy(() -> OpusEncoderSettings.VOICE.withPacketLossPercent(101)).hasMessageContaining("0..100");
    }
}
