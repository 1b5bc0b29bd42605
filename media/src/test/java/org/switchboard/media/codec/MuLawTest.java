package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MuLawTest {

    @Test
    void everyCodeDecodesAndReEncodesToItselfExceptNegativeZero() {
        for (int code = 0; code < 256; code++) {
            byte again = MuLaw.encode(MuLaw.decode((byte) code));
            assertThat(again & 0xFF).as("code %02x", code).isEqualTo(code == 0x7F ? 0xFF : code);
        }
    }

    @Test
    void knownPairs() {
        assertThat(MuLaw.encode(0)).isEqualTo((byte) 0xFF);
        assertThat(MuLaw.encode(-1)).as("G.191 one's complement: -1 is the negative zero").isEqualTo((byte) 0x7F);
        assertThat(MuLaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(MuLaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(MuLaw.encode(32124)).isEqualTo((byte) 0x80);
        assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(MuLaw.decode((byte) 0x01)).isEqualTo((short) -31100);
        assertThat(MuLaw.decode((byte) 0x02)).isEqualTo((short) -30076);
        assertThat(MuLaw.decode((byte) 0x7E)).isEqualTo((short) -8);
        assertThat(MuLaw.SILENCE).isEqualTo(MuLaw.encode(0));
    }

    @Test
    void theTablesHoldTheG191Arithmetic() {
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            if (MuLaw.encode(x) != (byte) MuLaw.compress(x)) {
                assertThat(MuLaw.encode(x)).as("x = %d", x).isEqualTo((byte) MuLaw.compress(x));
            }
        }
        for (int code = 0; code < 256; code++) {
            assertThat(MuLaw.decode((byte) code)).isEqualTo((short) MuLaw.expand(code));
        }
    }

    @Test
    void quantisingIsMonotonicAndWithinHalfAStep() {
        int previous = Integer.MIN_VALUE;
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            int y = MuLaw.decode(MuLaw.encode(x));
            assertThat(y >= previous).as("monotonic at %d", x).isTrue();
            previous = y;
            if (Math.abs(x) <= 32124) {
                int halfStep = (Math.abs(x) + 132) / 32 + 4;
                if (Math.abs(y - x) > halfStep) {
                    assertThat(Math.abs(y - x)).as("error at %d", x).isLessThanOrEqualTo(halfStep);
                }
            }
        }
    }

    @Test
    void decodesAsSunsUlaw2linearAndEncodesAsItsLinear2ulawUpToItsRoundingOfNegatives() {
        for (int code = 0; code < 256; code++) {
            assertThat(MuLaw.decode((byte) code)).isEqualTo((short) SunG711.ulaw2linear(code));
        }
        int differences = 0;
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            int sun = SunG711.linear2ulaw(x);
            // Sun quantises -(x >> 2), G.191 ~x >> 2: one 14-bit step apart, i.e. 4 in 16 bits.
            int g191Equivalent = MuLaw.encode(x < 0 ? Math.max(x - 4, Short.MIN_VALUE) : x) & 0xFF;
            if (sun != g191Equivalent) {
                assertThat(sun).as("x = %d", x).isEqualTo(g191Equivalent);
            }
            differences += sun != (MuLaw.encode(x) & 0xFF) ? 1 : 0;
        }
        assertThat(differences).as("negative inputs on a G.711 decision level").isEqualTo(508);
    }
}
