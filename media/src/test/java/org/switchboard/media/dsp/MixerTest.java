package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MixerTest {

    private static final int N = 160;

    private static short[] constant(int value) {
        short[] frame = new short[N];
        Arrays.fill(frame, (short) value);
        return frame;
    }

    private static short[][] outputs(int count) {
        return new short[count][N];
    }

    @Test
    void eachOfThreeParticipantsHearsTheOtherTwoAndNotThemself() {
        int[] voices = {500, 1000, 1500};
        short[][] frames = new short[3][];
        for (int i = 0; i < 3; i++) {
            frames[i] = TestSignals.sine(voices[i], 8000, N, -12);
        }
        short[][] out = outputs(3);
        new Mixer(N, Mixer.Limiting.HARD).mix(frames, out, 3);
        for (int listener = 0; listener < 3; listener++) {
            for (int talker = 0; talker < 3; talker++) {
                double db = TestSignals.toneDb(out[listener], 0, N, voices[talker], 8000);
                if (listener == talker) {
                    assertThat(db).as("%d hears own voice", listener).isLessThan(-60);
                } else {
                    assertThat(db).as("%d hears %d", listener, talker).isCloseTo(-12, within(0.2));
                }
            }
        }
    }

    @Test
    void belowFullScaleTheMixIsExactlyTheSumOfTheOthers() {
        short[][] frames = {TestSignals.noise(N, 5000, 1), TestSignals.noise(N, 5000, 2), TestSignals.noise(N, 5000, 3)};
        short[][] out = outputs(3);
        new Mixer(N, Mixer.Limiting.SOFT).mix(frames, out, 3);
        for (int s = 0; s < N; s++) {
            assertThat(out[0][s]).isEqualTo((short) (frames[1][s] + frames[2][s]));
            assertThat(out[2][s]).isEqualTo((short) (frames[0][s] + frames[1][s]));
        }
    }

    @Test
    void loudSumsSaturateInsteadOfWrappingAround() {
        short[][] frames = {constant(30000), constant(30000), constant(-30000), constant(-30000), constant(0)};
        short[][] out = outputs(5);
        new Mixer(N, Mixer.Limiting.HARD).mix(frames, out, 5);
        assertThat(out[2]).as("hears 30000 + 30000 - 30000").containsOnly((short) 30000);
        short[][] twoLoud = {constant(30000), constant(30000), constant(0)};
        new Mixer(N, Mixer.Limiting.HARD).mix(twoLoud, out, 3);
        assertThat(out[2]).containsOnly(Short.MAX_VALUE);
        short[][] twoLoudNegative = {constant(-30000), constant(-30000), constant(0)};
        new Mixer(N, Mixer.Limiting.HARD).mix(twoLoudNegative, out, 3);
        assertThat(out[2]).containsOnly(Short.MIN_VALUE);
    }

    @Test
    void theSoftLimiterBendsLoudSumsBelowFullScaleAndKeepsTheirOrder() {
        short[][] out = outputs(3);
        Mixer mixer = new Mixer(N, Mixer.Limiting.SOFT);
        mixer.mix(new short[][] {constant(30000), constant(30000), constant(0)}, out, 3);
        assertThat((int) out[2][0]).isBetween(Mixer.KNEE, Short.MAX_VALUE - 1);
        mixer.mix(new short[][] {constant(-30000), constant(-30000), constant(0)}, out, 3);
        assertThat((int) out[2][0]).isBetween(-Short.MAX_VALUE + 1, -Mixer.KNEE);
        int previous = 0;
        for (int v = 0; v <= 40 * 32768; v += 37) {
            int bent = v > Mixer.KNEE ? Mixer.soften(v) : v;
            assertThat(bent).isGreaterThanOrEqualTo(previous).isLessThan(Short.MAX_VALUE);
            assertThat(bent - previous).as("no jump at %d", v).isLessThanOrEqualTo(37);
            previous = bent;
        }
    }

    @Test
    void aParticipantWithoutAFrameThisTickHearsEveryoneAndAddsNothing() {
        short[][] frames = {constant(100), null, constant(-7)};
        short[][] out = outputs(3);
        new Mixer(N, Mixer.Limiting.HARD).mix(frames, out, 3);
        assertThat(out[0]).containsOnly((short) -7);
        assertThat(out[1]).containsOnly((short) 93);
        assertThat(out[2]).containsOnly((short) 100);
    }

    @Test
    void nobodyTalkingIsSilenceForEveryone() {
        short[][] out = outputs(2);
        out[0][5] = 99;
        new Mixer(N, Mixer.Limiting.SOFT).mix(new short[2][], out, 2);
        assertThat(out[0]).containsOnly((short) 0);
        assertThat(out[1]).containsOnly((short) 0);
    }

    @Test
    void aLargeRoomStillGivesEachTheirOwnMix() {
        int count = 100;
        short[][] frames = new short[count][];
        for (int i = 0; i < count; i++) {
            frames[i] = constant(i);
        }
        short[][] out = outputs(count);
        out[50] = null;
        new Mixer(N, Mixer.Limiting.HARD).mix(frames, out, count);
        for (int i = 0; i < count; i++) {
            if (i != 50) {
                assertThat(out[i]).containsOnly((short) (4950 - i));
            }
        }
    }

    @Test
    void theRecordingMixHasEveryone() {
        short[] all = new short[N];
        new Mixer(N, Mixer.Limiting.HARD).mixAll(new short[][] {constant(1), constant(2), null}, 3, all);
        assertThat(all).containsOnly((short) 3);
    }

    @Test
    void aShortFrameIsRefusedWithWhoSentIt() {
        Mixer mixer = new Mixer(N, Mixer.Limiting.HARD);
        assertThatThrownBy(() -> mixer.mix(new short[][] {constant(1), new short[80]}, outputs(2), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frame of participant 1 has 80 samples, the mixer takes 160");
        assertThatThrownBy(() -> mixer.mix(new short[1][], outputs(1), 2))
                .hasMessage("2 participants but 1 frames");
        assertThatThrownBy(() -> new Mixer(0, Mixer.Limiting.HARD)).hasMessageContaining("must be positive");
    }
}
