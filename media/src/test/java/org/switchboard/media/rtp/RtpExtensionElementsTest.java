package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpExtensionElementsTest {

    private final RtpView view = new RtpView();
    private final RtpExtensionElements elements = new RtpExtensionElements();

    /** id, then data bytes, for each element the cursor walked. */
    private List<List<Integer>> walk(byte[] packet) {
        assertThat(view.wrap(packet, 0, packet.length)).isTrue();
        List<List<Integer>> found = new ArrayList<>();
        elements.reset(view);
        while (elements.next()) {
            List<Integer> element = new ArrayList<>();
            element.add(elements.id());
            for (int i = 0; i < elements.dataLength(); i++) {
                element.add(packet[elements.dataOffset() + i] & 0xFF);
            }
            found.add(element);
        }
        return found;
    }

    @Test
    void readsOneByteElementsSkippingPadding() {
        byte[] packet = Hex.bytes("""
                90 00 00 01 00 00 00 01 00 00 00 01
                be de 00 03
                10 85           # id 1 (RFC 6464 audio level), 1 byte: voice, -5 dBov
                00 00           # padding between elements
                21 aa bb 00     # id 2, 2 bytes, padding
                00 00 00 00     # padding to the end
                ff              # payload
                """);

        assertThat(walk(packet)).containsExactly(List.of(1, 0x85), List.of(2, 0xAA, 0xBB));
        assertThat(elements.malformed()).isFalse();
        assertThat(elements.twoByteForm()).isFalse();
    }

    @Test
    void idFifteenStopsTheOneByteWalk() {
        byte[] packet = Hex.bytes("90 00 00 01 00 00 00 01 00 00 00 01  be de 00 01  10 01 f0 22");

        assertThat(walk(packet)).containsExactly(List.of(1, 1));
        assertThat(elements.malformed()).isFalse();
    }

    @Test
    void readsTwoByteElementsIncludingEmptyOnes() {
        byte[] packet = Hex.bytes("""
                90 00 00 01 00 00 00 01 00 00 00 01
                10 03 00 02     # two-byte form, appbits 3, 2 words
                05 02 11 22     # id 5, 2 bytes
                00 07 00 00     # padding, id 7 with 0 bytes, padding
                """);

        assertThat(walk(packet)).containsExactly(List.of(5, 0x11, 0x22), List.of(7));
        assertThat(elements.twoByteForm()).isTrue();
    }

    @Test
    void anElementPastTheExtensionStopsTheWalkButThePacketStaysValid() {
        byte[] packet = Hex.bytes("90 00 00 01 00 00 00 01 00 00 00 01  be de 00 01  10 01 23 aa  ff ff");

        assertThat(walk(packet)).containsExactly(List.of(1, 1));
        assertThat(elements.malformed()).isTrue();
        assertThat(view.payloadLength()).isEqualTo(2);
    }

    @Test
    void noRfc8285ExtensionMeansNoElements() {
        byte[] otherProfile = Hex.bytes("90 00 00 01 00 00 00 01 00 00 00 01  12 34 00 01  10 01 00 00");
        view.wrap(otherProfile, 0, otherProfile.length);
        assertThat(elements.reset(view)).isFalse();
        assertThat(elements.next()).isFalse();

        byte[] none = RtpViewTest.pcmuPacket();
        view.wrap(none, 0, none.length);
        assertThat(elements.reset(view)).isFalse();

        view.wrap(none, 0, 3);
        assertThat(elements.reset(view)).isFalse();
        assertThat(elements.next()).isFalse();
    }
}
