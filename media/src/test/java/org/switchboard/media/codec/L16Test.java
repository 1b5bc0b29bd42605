package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class L16Test {

    @Test
    void samplesGoOutBigEndianAndComeBackExactly() {
        short[] pcm = {0x1234, -2, Short.MIN_VALUE, Short.MAX_VALUE, 0};
        byte[] out = new byte[10];
        AudioEncoder encoder = L16.WIDEBAND.newEncoder();
        assertThat(encoder.encode(pcm, 0, pcm.length, out, 0)).isEqualTo(10);
        assertThat(out).containsExactly(0x12, 0x34, 0xFF, 0xFE, 0x80, 0x00, 0x7F, 0xFF, 0x00, 0x00);
        assertThat(encoder.timestampUnits(320)).isEqualTo(320);

        short[] back = new short[5];
        assertThat(L16.WIDEBAND.newDecoder().decode(out, 0, 10, back, 0)).isEqualTo(5);
        assertThat(back).isEqualTo(pcm);
    }

    @Test
    void aTrailingOddByteIsIgnored() {
        short[] back = new short[2];
        AudioDecoder decoder = L16.NARROWBAND.newDecoder();
        assertThat(decoder.decode(new byte[] {0, 1, 0, 2, 9}, 0, 5, back, 0)).isEqualTo(2);
        assertThat(back).containsExactly(1, 2);
        assertThat(decoder.maxSamples(5)).isEqualTo(2);
        assertThat(decoder.decode(new byte[] {7}, 0, 1, back, 0)).isZero();
    }

    @Test
    void describesItselfAsRfc3551Says() {
        assertThat(L16.FULLBAND.encodingName()).isEqualTo("L16");
        assertThat(L16.FULLBAND.clockRate()).isEqualTo(48000);
        assertThat(L16.FULLBAND.sampleRate()).isEqualTo(48000);
        assertThat(L16.FULLBAND.staticPayloadType()).isEqualTo(-1);
        assertThat(L16.FULLBAND.sdpChannels()).isEqualTo(1);
        assertThat(L16.FULLBAND).hasToString("L16/48000").isEqualTo(new L16(48000));
        assertThatThrownBy(() -> new L16(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 Hz");
    }

    @Test
    void aLostPacketFadesTheLastFrame() {
        short[] tone = Signals.tone(440, 16000, -6, 320);
        byte[] payload = new byte[640];
        L16.WIDEBAND.newEncoder().encode(tone, 0, 320, payload, 0);
        AudioDecoder decoder = L16.WIDEBAND.newDecoder();
        short[] pcm = new short[320];
        decoder.decode(payload, 0, 640, pcm, 0);
        decoder.conceal(pcm, 0, 320);
        assertThat(pcm[0]).isEqualTo(tone[0]);
        assertThat(Signals.rmsDbfs(pcm, 0, 320)).isLessThan(Signals.rmsDbfs(tone, 0, 320));
    }

    @Test
    void buffersThatDoNotFitAreTheCallersError() {
        assertThatThrownBy(() -> L16.WIDEBAND.newEncoder().encode(new short[320], 0, 320, new byte[639], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("639");
        assertThatThrownBy(() -> L16.WIDEBAND.newDecoder().decode(new byte[640], 0, 640, new short[319], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> L16.WIDEBAND.newDecoder().decode(new byte[640], 600, 41, new short[320], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
