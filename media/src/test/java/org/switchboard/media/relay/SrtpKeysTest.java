package org.switchboard.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SrtpKeysTest {

    private static byte[] bytes(int n, int fill) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    @Test
    void equalWhenTheBytesAreEqualSoARepeatedAnnouncementChangesNothing() {
        SrtpKeys a = new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, bytes(16, 1), bytes(14, 2));
        SrtpKeys b = new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, bytes(16, 1), bytes(14, 2));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, bytes(16, 1), bytes(14, 3)));
        assertThat(a).isNotEqualTo(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_32, bytes(16, 1), bytes(14, 2)));
        assertThat(a).isNotEqualTo(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, bytes(16, 1), bytes(14, 2), 4));
    }

    @Test
    void neverShowsTheKeyAndCopiesItInAndOut() {
        byte[] key = bytes(16, 0x41);
        SrtpKeys k = new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key, bytes(14, 0x42), 4);
        key[0] = 0;
        k.masterKey()[1] = 0;
        assertThat(k.masterKey()).containsOnly(0x41);
        assertThat(k.toString()).isEqualTo("SrtpKeys[AES_CM_128_HMAC_SHA1_80, key redacted, MKI 4]");
    }

    @Test
    void refusesLengthsThatDoNotFitTheSuite() {
        assertThatThrownBy(() -> new SrtpKeys(SrtpSuite.AES_256_CM_HMAC_SHA1_80, bytes(16, 0), bytes(14, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("master key length");
        assertThatThrownBy(() -> new SrtpKeys(SrtpSuite.AEAD_AES_128_GCM, bytes(16, 0), bytes(14, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("master salt length");
        assertThatThrownBy(() -> new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, bytes(16, 0), bytes(14, 0), 129))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsWhatEachSuiteAddsToAPacket() {
        assertThat(SrtpSuite.AES_CM_128_HMAC_SHA1_32.srtpTagLength()).isEqualTo(4);
        assertThat(SrtpSuite.AES_CM_128_HMAC_SHA1_32.srtcpTagLength()).isEqualTo(10);
        assertThat(SrtpSuite.AEAD_AES_128_GCM.srtpTagLength()).isEqualTo(16);
        assertThat(SrtpSuite.AEAD_AES_128_GCM.aead()).isTrue();
    }
}
