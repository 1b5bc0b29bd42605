package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RtpWriterTest {

    private final RtpView view = new RtpView();

    @Test
    void writesTheBytesOfRfc3550FixedHeader() {
        byte[] out = new byte[12];

        int n = RtpWriter.writeHeader(out, 0, true, 8, 0x1234, 0xA0B0C0D0L, 0xDEADBEEFL);

        assertThat(n).isEqualTo(12);
        assertThat(out).containsExactly(Hex.bytes("80 88 12 34  a0 b0 c0 d0  de ad be ef"));
    }

    @Test
    void aWrittenPacketReadsBack() {
        byte[] payload = {1, 2, 3, 4, 5};
        byte[] out = new byte[40];

        int n = RtpWriter.writePacket(out, 3, false, 0, 65535, 0xFFFF_FFFFL, 42, payload, 1, 3);

        assertThat(n).isEqualTo(15);
        assertThat(view.wrap(out, 3, n)).isTrue();
        assertThat(view.sequence()).isEqualTo(65535);
        assertThat(view.timestamp()).isEqualTo(0xFFFF_FFFFL);
        assertThat(view.ssrc()).isEqualTo(42);
        assertThat(view.payloadLength()).isEqualTo(3);
        assertThat(out[view.payloadOffset()]).isEqualTo((byte) 2);
    }

    @Test
    void countersWrapModuloTheirFieldWidth() {
        byte[] out = new byte[12];
        RtpWriter.writeHeader(out, 0, false, 0, 65536 + 7, (1L << 32) + 9, -1L);

        view.wrap(out, 0, 12);
        assertThat(view.sequence()).isEqualTo(7);
        assertThat(view.timestamp()).isEqualTo(9);
        assertThat(view.ssrc()).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void writesAMixersCsrcList() {
        byte[] out = new byte[20];
        int n = RtpWriter.writeHeader(out, 0, false, 0, 1, 2, 3, new long[] {0x11, 0x22, 0x33}, 2);

        assertThat(n).isEqualTo(20);
        view.wrap(out, 0, n);
        assertThat(view.csrcCount()).isEqualTo(2);
        assertThat(view.csrc(1)).isEqualTo(0x22);
        assertThat(view.payloadLength()).isZero();
    }

    @Test
    void refusesWhatCannotBeWritten() {
        assertThatThrownBy(() -> RtpWriter.writeHeader(new byte[12], 0, false, 128, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload type 128");
        assertThatThrownBy(() -> RtpWriter.writeHeader(new byte[12], 1, false, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no room");
        assertThatThrownBy(() -> RtpWriter.writePacket(new byte[20], 0, false, 0, 0, 0, 0, new byte[10], 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no room for 22");
        assertThatThrownBy(() -> RtpWriter.writeHeader(new byte[80], 0, false, 0, 0, 0, 0, new long[1], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CSRC count");
    }
}
