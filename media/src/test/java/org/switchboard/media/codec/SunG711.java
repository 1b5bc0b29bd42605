package org.switchboard.media.codec;

/**
 * The classic public-domain G.711 routines of Sun Microsystems' {@code g711.c} (1992, the
 * 13/14-bit revision found in sox, Python's audioop and countless softphones), restated as a
 * second, independent reference for the tests.
 */
final class SunG711 {

    private static final int[] SEG_AEND = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
    private static final int[] SEG_UEND = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};

    private SunG711() { }

    static int linear2alaw(int pcm) {
        int value = pcm >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int seg = segment(value, SEG_AEND);
        if (seg >= 8) {
            return 0x7F ^ mask;
        }
        int aval = seg << 4;
        aval |= seg < 2 ? (value >> 1) & 0xF : (value >> seg) & 0xF;
        return aval ^ mask;
    }

    static int alaw2linear(int code) {
        int a = code ^ 0x55;
        int t = (a & 0xF) << 4;
        int seg = (a & 0x70) >> 4;
        if (seg == 0) {
            t += 8;
        } else if (seg == 1) {
            t += 0x108;
        } else {
            t = (t + 0x108) << (seg - 1);
        }
        return (a & 0x80) != 0 ? t : -t;
    }

    static int linear2ulaw(int pcm) {
        int value = pcm >> 2;
        int mask;
        if (value < 0) {
            value = -value;
            mask = 0x7F;
        } else {
            mask = 0xFF;
        }
        value = Math.min(value, 8159) + (0x84 >> 2);
        int seg = segment(value, SEG_UEND);
        if (seg >= 8) {
            return 0x7F ^ mask;
        }
        return ((seg << 4) | ((value >> (seg + 1)) & 0xF)) ^ mask;
    }

    static int ulaw2linear(int code) {
        int u = ~code & 0xFF;
        int t = (((u & 0xF) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    private static int segment(int value, int[] ends) {
        for (int i = 0; i < ends.length; i++) {
            if (value <= ends[i]) {
                return i;
            }
        }
        return ends.length;
    }
}
