package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpViewTest {

    /** G.711 u-law, 20 ms: PT 0, seq 8000, ts 1000, SSRC 0xdeadbeef, 160 bytes of silence. */
    static byte[] pcmuPacket() {
        byte[] header = Hex.bytes("80 00 1f 40  00 00 03 e8  de ad be ef");
        byte[] payload = new byte[160];
        Arrays.fill(payload, (byte) 0xFF);
        return Hex.concat(header, payload);
    }

    /** Two CSRCs, an RFC 8285 one-byte extension, 4 payload bytes and 4 padding octets. */
    static final byte[] FULL = Hex.bytes("""
            b2 e0 ff ff               # V=2 P X CC=2 | M PT=96 | seq 65535
            ff ff ff fe               # timestamp 2^32 - 2
            00 00 00 01               # SSRC 1
            0a 0b 0c 0d  01 02 03 04  # CSRC list
            be de 00 02               # one-byte extension, 2 words
            10 ab 22 01 02 03 00 00   # id 1 len 1 (0xab), id 2 len 3, padding
            00 00 00 00               # payload (zeros: a truncated copy never ends on a count)
            00 00 00 04               # padding, count 4
            """);

    private final RtpView view = new RtpView();

    @Test
    void readsTheFixedHeaderOfAnAudioPacket() {
        byte[] packet = pcmuPacket();

        assertThat(view.wrap(packet, 0, packet.length)).isTrue();

        assertThat(view.version()).isEqualTo(2);
        assertThat(view.payloadType()).isZero();
        assertThat(view.marker()).isFalse();
        assertThat(view.sequence()).isEqualTo(8000);
        assertThat(view.timestamp()).isEqualTo(1000);
        assertThat(view.ssrc()).isEqualTo(0xDEADBEEFL);
        assertThat(view.csrcCount()).isZero();
        assertThat(view.headerLength()).isEqualTo(12);
        assertThat(view.payloadOffset()).isEqualTo(12);
        assertThat(view.payloadLength()).isEqualTo(160);
        assertThat(view.extensionProfile()).isEqualTo(RtpView.NO_EXTENSION);
        assertThat(view.problem()).isEqualTo(RtpView.Problem.NONE);
    }

    @Test
    void csrcsExtensionAndPaddingAreSkippedToFindThePayload() {
        assertThat(view.wrap(FULL, 0, FULL.length)).isTrue();

        assertThat(view.marker()).isTrue();
        assertThat(view.payloadType()).isEqualTo(96);
        assertThat(view.sequence()).isEqualTo(65535);
        assertThat(view.timestamp()).isEqualTo(0xFFFF_FFFEL);
        assertThat(view.csrcCount()).isEqualTo(2);
        assertThat(view.csrc(0)).isEqualTo(0x0A0B0C0DL);
        assertThat(view.csrc(1)).isEqualTo(0x01020304L);
        assertThat(view.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(view.extensionOffset()).isEqualTo(24);
        assertThat(view.extensionLength()).isEqualTo(8);
        assertThat(view.headerLength()).isEqualTo(32);
        assertThat(view.paddingLength()).isEqualTo(4);
        assertThat(view.payloadOffset()).isEqualTo(32);
        assertThat(view.payloadLength()).isEqualTo(4);
    }

    @Test
    void readsAPacketInsideALargerBuffer() {
        byte[] packet = pcmuPacket();
        byte[] datagram = new byte[packet.length + 50];
        System.arraycopy(packet, 0, datagram, 30, packet.length);

        assertThat(view.wrap(datagram, 30, packet.length)).isTrue();

        assertThat(view.sequence()).isEqualTo(8000);
        assertThat(view.payloadOffset()).isEqualTo(42);
        assertThat(view.payloadLength()).isEqualTo(160);
    }

    @Test
    void everyTruncationIsInvalidAndNeverThrows() {
        for (int length = 0; length < FULL.length; length++) {
            assertThat(view.wrap(FULL, 0, length)).as("first %d bytes", length).isFalse();
            assertThat(view.payloadLength()).isZero();
            assertThat(view.sequence()).isZero();
        }
        view.wrap(FULL, 0, 11);
        assertThat(view.problem()).isEqualTo(RtpView.Problem.TOO_SHORT);
        view.wrap(FULL, 0, 19);
        assertThat(view.problem()).isEqualTo(RtpView.Problem.CSRC_PAST_END);
        view.wrap(FULL, 0, 22);
        assertThat(view.problem()).isEqualTo(RtpView.Problem.EXTENSION_PAST_END);
        view.wrap(FULL, 0, 30);
        assertThat(view.problem()).isEqualTo(RtpView.Problem.EXTENSION_PAST_END);
        view.wrap(FULL, 0, 36);
        assertThat(view.problem()).as("P set, last octet 0").isEqualTo(RtpView.Problem.BAD_PADDING);
    }

    @Test
    void otherVersionsAreInvalid() {
        for (int first : new int[] {0x00, 0x40, 0xC0}) {
            byte[] packet = pcmuPacket();
            packet[0] = (byte) first;
            assertThat(view.wrap(packet, 0, packet.length)).isFalse();
            assertThat(view.problem()).isEqualTo(RtpView.Problem.BAD_VERSION);
        }
    }

    @Test
    void paddingCountMustBePositiveAndFitAfterTheHeader() {
        byte[] packet = Hex.bytes("a0 00 00 01 00 00 00 01 00 00 00 01  aa bb 00 03");
        assertThat(view.wrap(packet, 0, packet.length)).isTrue();
        assertThat(view.payloadLength()).as("1 payload byte, 3 padding octets").isEqualTo(1);

        packet[15] = 4;
        assertThat(view.wrap(packet, 0, packet.length)).as("padding covering the whole payload").isTrue();
        assertThat(view.payloadLength()).isZero();

        packet[15] = 5;
        assertThat(view.wrap(packet, 0, packet.length)).isFalse();
        assertThat(view.problem()).isEqualTo(RtpView.Problem.BAD_PADDING);

        packet[15] = 0;
        assertThat(view.wrap(packet, 0, packet.length)).isFalse();
        assertThat(view.problem()).isEqualTo(RtpView.Problem.BAD_PADDING);
    }

    @Test
    void argumentsOutsideTheArrayAreInvalidNotExceptions() {
        byte[] packet = pcmuPacket();
        assertThat(view.wrap(null, 0, 12)).isFalse();
        assertThat(view.wrap(packet, -1, 12)).isFalse();
        assertThat(view.wrap(packet, 0, packet.length + 1)).isFalse();
        assertThat(view.wrap(packet, 10, -3)).isFalse();
        assertThat(view.wrap(packet, Integer.MAX_VALUE, 12)).isFalse();
        assertThat(view.problem()).isEqualTo(RtpView.Problem.OUT_OF_BOUNDS);
    }

    @Test
    void aViewIsRepointedAtEachPacketAndForgetsTheLast() {
        byte[] first = pcmuPacket();
        assertThat(view.problem()).isEqualTo(RtpView.Problem.NOT_WRAPPED);

        view.wrap(first, 0, first.length);
        view.wrap(FULL, 0, FULL.length);
        assertThat(view.sequence()).isEqualTo(65535);

        view.wrap(FULL, 0, 5);
        assertThat(view.isValid()).isFalse();
        assertThat(view.ssrc()).isZero();
        assertThat(view.extensionProfile()).isEqualTo(RtpView.NO_EXTENSION);
        assertThatThrownBy(() -> view.csrc(0)).isInstanceOf(IndexOutOfBoundsException.class);

        view.wrap(first, 0, first.length);
        assertThat(view.sequence()).isEqualTo(8000);
        assertThat(view.toString()).contains("seq=8000");
    }
}
