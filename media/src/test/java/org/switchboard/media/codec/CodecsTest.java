package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodecsTest {

    /** A stand-in for the Opus codec another package provides. */
    private record FakeOpus(int sdpChannels) implements AudioCodec {
        @Override public String encodingName() { return "opus"; }
        @Override public int clockRate() { return 48000; }
        @Override public int staticPayloadType() { return -1; }
        @Override public int sampleRate() { return 48000; }
        @Override public AudioEncoder newEncoder() { throw new UnsupportedOperationException(); }
        @Override public AudioDecoder newDecoder() { throw new UnsupportedOperationException(); }
        @Override public String toString() { return "opus/48000/" + sdpChannels; }
    }

    private final Codecs standard = Codecs.standard();

    @Test
    void theStandardSetIsInPreferenceOrder() {
        assertThat(standard.list()).extracting(Object::toString)
                .containsExactly("G722/8000", "PCMU/8000", "PCMA/8000", "L16/16000", "L16/8000", "L16/48000");
    }

    @Test
    void findsByRtpmapIgnoringCase() {
        assertThat(standard.find("pcmu", 8000)).contains(G711.PCMU);
        assertThat(standard.find("PcMa", 8000, 1)).contains(G711.PCMA);
        assertThat(standard.find("g722", 8000)).contains(G722.INSTANCE);
        assertThat(standard.find("L16", 48000)).contains(L16.FULLBAND);
        assertThat(standard.find("L16", 16000, 0)).as("absent channels mean one").contains(L16.WIDEBAND);
    }

    @Test
    void findsNothingForAnotherRateChannelCountOrName() {
        assertThat(standard.find("G722", 16000)).as("G.722's rtpmap says 8000").isEmpty();
        assertThat(standard.find("PCMU", 8000, 2)).isEmpty();
        assertThat(standard.find("L16", 44100)).isEmpty();
        assertThat(standard.find("G729", 8000)).isEmpty();
        assertThat(standard.find(null, 8000)).isEmpty();
    }

    @Test
    void staticPayloadTypesOfRfc3551() {
        assertThat(standard.forStaticPayloadType(0)).contains(G711.PCMU);
        assertThat(standard.forStaticPayloadType(8)).contains(G711.PCMA);
        assertThat(standard.forStaticPayloadType(9)).contains(G722.INSTANCE);
        assertThat(standard.forStaticPayloadType(10)).as("L16 stereo 44.1 kHz is not offered").isEmpty();
        assertThat(standard.forStaticPayloadType(18)).isEmpty();
        assertThat(standard.forStaticPayloadType(96)).isEmpty();
        assertThat(standard.forStaticPayloadType(-1)).isEmpty();
    }

    @Test
    void withAddsLastOrReplacesInPlace() {
        Codecs withOpus = standard.with(new FakeOpus(2));
        assertThat(withOpus.list()).last().isEqualTo(new FakeOpus(2));
        assertThat(withOpus.find("OPUS", 48000, 2)).contains(new FakeOpus(2));
        assertThat(withOpus.find("opus", 48000)).isEmpty();
        assertThat(standard.list()).hasSize(6);

        Codecs replaced = standard.with(new L16(8000));
        assertThat(replaced.list()).isEqualTo(standard.list());
    }

    @Test
    void withPreferredPutsACodecFirst() {
        Codecs opusFirst = standard.withPreferred(new FakeOpus(2));
        assertThat(opusFirst.list()).first().isEqualTo(new FakeOpus(2));
        assertThat(opusFirst.list()).hasSize(7);
        assertThat(standard.withPreferred(G711.PCMA).list()).extracting(Object::toString)
                .startsWith("PCMA/8000", "G722/8000", "PCMU/8000").hasSize(6);
    }

    @Test
    void aCodecListedTwiceIsRefused() {
        assertThatThrownBy(() -> new Codecs(List.of(G711.PCMU, G711.PCMA, G711.PCMU)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PCMU/8000");
        assertThatThrownBy(() -> standard.list().add(G711.PCMU)).isInstanceOf(UnsupportedOperationException.class);
    }
}
