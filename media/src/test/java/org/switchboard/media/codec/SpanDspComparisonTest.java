package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our G.711 and G.722 against spandsp 0.0.6 (libspandsp.so.2 through FFM, the library Asterisk
 * and FreeSWITCH use), bit by bit. Runs where the library is installed (Debian: {@code libspandsp2});
 * {@code G722Test} keeps digests of spandsp's outputs so that part holds on machines without it.
 *
 * <p>Where we differ, spandsp 0.0.6 departs from the ITU-T G.191 reference; the tests pin each
 * difference down exactly:
 * <ul>
 *   <li>µ-law encoding of negative samples: spandsp takes the magnitude {@code -x} where G.191
 *       takes {@code ~x} (WebRTC's copy of spandsp added the {@code - 1} "to get bitexact to
 *       reference implementation"), so spandsp's code for {@code x} is ours for {@code x - 1};</li>
 *   <li>G.722 decoding: spandsp casts the receive QMF output to 16 bits where G.191 saturates,
 *       so a full-scale sample wraps to the opposite sign there;</li>
 *   <li>G.722 encoding: spandsp omits G.191's LIMIT of the transmit QMF output to 15 bits, which
 *       only a full-scale square wave or the like reaches; such signals are left out here.</li>
 * </ul>
 */
class SpanDspComparisonTest {

    private static SpanDsp spandsp;

    @BeforeAll
    static void load() {
        // scripts/install-peers.sh installs libspandsp2 (./switchboard test runs it first)
        spandsp = SpanDsp.load().orElseThrow(() -> new IllegalStateException(
                SpanDsp.LIBRARY + " is not installed: run scripts/install-peers.sh (Debian package libspandsp2)"));
    }

    @Test
    void muLawEncodesAsSpandspBarItsRoundingOfNegativeSamples() {
        short[] all = everySample();
        byte[] spandspRule = new byte[all.length];
        int differences = 0;
        for (int i = 0; i < all.length; i++) {
            int x = all[i];
            spandspRule[i] = MuLaw.encode(x < 0 && x > Short.MIN_VALUE ? x - 1 : x);
            differences += spandspRule[i] != MuLaw.encode(x) ? 1 : 0;
        }
        assertThat(spandsp.g711Encode(true, all)).isEqualTo(spandspRule);
        assertThat(differences).as("inputs where spandsp 0.0.6 and G.191 differ").isEqualTo(127);
    }

    @Test
    void aLawEncodesEverySampleAsSpandsp() {
        short[] all = everySample();
        byte[] ours = new byte[all.length];
        G711.PCMA.newEncoder().encode(all, 0, all.length, ours, 0);
        assertThat(ours).isEqualTo(spandsp.g711Encode(false, all));
    }

    @Test
    void g711DecodesEveryCodeAsSpandsp() {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        for (G711 law : G711.values()) {
            short[] ours = new short[256];
            law.newDecoder().decode(codes, 0, 256, ours, 0);
            assertThat(ours).as(law.name()).isEqualTo(spandsp.g711Decode(law == G711.PCMU, codes));
        }
    }

    @Test
    void g722EncodesAsSpandsp() {
        for (short[] signal : G722Test.comparisonSignals()) {
            byte[] ours = new byte[signal.length / 2];
            G722.INSTANCE.newEncoder().encode(signal, 0, signal.length, ours, 0);
            assertThat(Arrays.mismatch(ours, spandsp.g722Encode(signal))).as("first differing byte").isEqualTo(-1);
        }
    }

    @Test
    void g722DecodesAsSpandspSaturatingWhereItWraps() {
        for (short[] signal : G722Test.comparisonSignals()) {
            byte[] codes = spandsp.g722Encode(signal);
            short[] ours = new short[2 * codes.length];
            G722.INSTANCE.newDecoder().decode(codes, 0, codes.length, ours, 0);
            assertSameOrSaturated(ours, spandsp.g722Decode(codes));
        }
    }

    @Test
    void g722DecodesRandomBytesAsSpandspSaturatingWhereItWraps() {
        byte[] codes = new byte[64000];
        new SplittableRandom(7).nextBytes(codes);
        short[] ours = new short[2 * codes.length];
        G722.INSTANCE.newDecoder().decode(codes, 0, codes.length, ours, 0);
        int saturated = assertSameOrSaturated(ours, spandsp.g722Decode(codes));
        assertThat(saturated).isLessThan(ours.length / 100);
    }

    @Test
    void digestsKeptByG722TestAreSpandsps() {
        short[] signal = G722Test.digestSignal();
        byte[] codes = spandsp.g722Encode(signal);
        assertThat(G722Test.sha256(codes)).isEqualTo(G722Test.SPANDSP_ENCODED_DIGEST);
        assertThat(G722Test.sha256(spandsp.g722Decode(codes))).isEqualTo(G722Test.SPANDSP_DECODED_DIGEST);
    }

    private static short[] everySample() {
        short[] all = new short[65536];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) (i - 32768);
        }
        return all;
    }

    /** Asserts equal samples except where spandsp wrapped around; returns how many did. */
    private static int assertSameOrSaturated(short[] ours, short[] theirs) {
        assertThat(ours).hasSameSizeAs(theirs);
        int wrapped = 0;
        for (int i = 0; i < ours.length; i++) {
            if (ours[i] != theirs[i]) {
                boolean wrap = ours[i] == Short.MAX_VALUE && theirs[i] < 0 || ours[i] == Short.MIN_VALUE && theirs[i] > 0;
                assertThat(wrap).as("sample %d: ours %d, spandsp %d", i, ours[i], theirs[i]).isTrue();
                wrapped++;
            }
        }
        return wrapped;
    }
}
