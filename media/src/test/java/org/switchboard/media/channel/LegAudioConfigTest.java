package org.switchboard.media.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.G711;
import org.switchboard.media.codec.G722;
import org.switchboard.media.codec.L16;
import org.switchboard.media.codec.opus.OpusCodec;

class LegAudioConfigTest {

    @Test
    void defaultsSuitAG711Phone() {
        LegAudioConfig c = LegAudioConfig.of(G711.PCMU, 0, "pbx@example.com");
        assertThat(c.ptimeMillis()).isEqualTo(20);
        assertThat(c.hasTelephoneEvent()).isFalse();
        assertThat(c.inbandDtmf()).isTrue();
        assertThat(c.frameSamples()).isEqualTo(160);
        assertThat(c.localSsrc()).isBetween(0L, 0xFFFF_FFFFL);
        assertThat(LegAudioConfig.of(G722.INSTANCE, 9, "x").inbandDtmf()).isFalse();
        assertThat(LegAudioConfig.of(G722.INSTANCE, 9, "x").frameSamples()).isEqualTo(320);
        assertThat(c.withTelephoneEvent(101, 8000).hasTelephoneEvent()).isTrue();
    }

    @Test
    void impossibleSettingsAreRefusedWithTheFieldNamed() {
        LegAudioConfig c = LegAudioConfig.of(G711.PCMU, 0, "pbx");
        assertThatThrownBy(() -> c.withPtime(5)).hasMessageContaining("ptimeMillis");
        assertThatThrownBy(() -> c.withPtime(90)).hasMessageContaining("ptimeMillis");
        assertThatThrownBy(() -> c.withTelephoneEvent(0, 8000)).hasMessageContaining("share payload type 0");
        assertThatThrownBy(() -> c.withTelephoneEvent(128, 8000)).hasMessageContaining("telephoneEventPayloadType");
        assertThatThrownBy(() -> c.withSsrc(1L << 32)).hasMessageContaining("localSsrc");
        assertThatThrownBy(() -> LegAudioConfig.of(G711.PCMU, 200, "pbx")).hasMessageContaining("payloadType");
        assertThatThrownBy(() -> LegAudioConfig.of(G711.PCMU, 0, "")).hasMessageContaining("cname");
        assertThatThrownBy(() -> LegAudioConfig.of(new L16(11025), 96, "pbx")).hasMessageContaining("whole number of samples");
        OpusCodec opus = OpusCodec.load().codec().orElseThrow();
        assertThatThrownBy(() -> LegAudioConfig.of(opus, 111, "pbx").withPtime(30)).hasMessageContaining("Opus frame size");
        assertThat(LegAudioConfig.of(opus, 111, "pbx").withPtime(60).frameSamples()).isEqualTo(2880);
    }
}
