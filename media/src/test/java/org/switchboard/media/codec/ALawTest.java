package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ALawTest {

    @Test
    void everyCodeDecodesAndReEncodesToItself() {
        for (int code = 0; code < 256; code++) {
            assertThat(ALaw.encode(ALaw.decode((byte) code)) & 0xFF).as("code %02x", code).isEqualTo(code);
        }
    }

    @Test
    void knownPairs() {
        assertThat(ALaw.encode(0)).isEqualTo((byte) 0xD5);
        assertThat(ALaw.encode(-1)).isEqualTo((byte) 0x55);
        assertThat(ALaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(ALaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
        assertThat(ALaw.decode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(ALaw.decode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(ALaw.decode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(ALaw.decode((byte) 0x2A)).isEqualTo((short) -32256);
        assertThat(ALaw.decode((byte) 0x00)).isEqualTo((short) -5504);
        assertThat(ALaw.decode((byte) 0x01)).isEqualTo((short) -5248);
        assertThat(ALaw.decode((byte) 0x02)).isEqualTo((short) -6016);
        assertThat(ALaw.SILENCE).isEqualTo(ALaw.encode(0));
    }

    @Test
    void theTablesHoldTheG191Arithmetic() {
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            if (ALaw.encode(x) != (byte) ALaw.compress(x)) {
                assertThat(ALaw.encode(x)).as("x = %d", x).isEqualTo((byte) ALaw.compress(x));
            }
        }
        for (int code = 0; code < 256; code++) {
            assertThat(ALaw.decode((byte) code)).isEqualTo((short) ALaw.expand(code));
        }
    }

    @Test
    void quantisingIsMonotonicAndWithinHalfAStep() {
        int previous = Integer.MIN_VALUE;
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            int y = ALaw.decode(ALaw.encode(x));
            assertThat(y >= previous).as("monotonic at %d", x).isTrue();
            previous = y;
            if (Math.abs(x) <= 32256) {
                int halfStep = Math.max(8, Math.abs(x) / 16) + 1;
                if (Math.abs(y - x) > halfStep) {
                    assertThat(Math.abs(y - x)).as("error at %d", x).isLessThanOrEqualTo(halfStep);
                }
            }
        }
    }

    @Test
    void codesAsSunsLinear2alawAndAlaw2linear() {
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            if ((ALaw.encode(x) & 0xFF) != SunG711.linear2alaw(x)) {
                assertThat(ALaw.encode(x) & 0xFF).as("x = %d", x).isEqualTo(SunG711.linear2alaw(x));
            }
        }
        for (int code = 0; code < 256; code++) {
            assertThat(ALaw.decode((byte) code)).isEqualTo((short) SunG711.alaw2linear(code));
        }
    }
}
