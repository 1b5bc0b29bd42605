package org.switchboard.media.codec.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpusParametersTest {

    @Test
    void readsTheParametersOfRfc7587() {
        OpusParameters p = OpusParameters.parse(
                "maxplaybackrate=16000;stereo=1;useinbandfec=1;usedtx=1;maxaveragebitrate=20000;ptime=40");
        assertThat(p).isEqualTo(new OpusParameters(16000, true, true, true, 20000, 40));
    }

    @Test
    void absentParametersTakeTheRfcDefaults() {
        assertThat(OpusParameters.parse("")).isEqualTo(OpusParameters.DEFAULTS);
        assertThat(OpusParameters.parse(null)).isEqualTo(OpusParameters.DEFAULTS);
        assertThat(OpusParameters.DEFAULTS).isEqualTo(new OpusParameters(48000, false, false, false, 0, 0));
    }

    @Test
    void acceptsTheWholeAttributeLineSpacesAndAnyCase() {
        assertThat(OpusParameters.parse("a=fmtp:111 minptime=10; UseInbandFEC=1 ;  MaxPlaybackRate = 24000"))
                .isEqualTo(new OpusParameters(24000, false, true, false, 0, 0));
        assertThat(OpusParameters.parse("111 useinbandfec=1").useInbandFec()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "maxplaybackrate=fast", "maxplaybackrate=", "maxplaybackrate=-8000", "maxplaybackrate=0",
        "stereo=yes", "useinbandfec=2", "maxaveragebitrate=1e5", "ptime=2.5", "ptime=999",
        "=1", "garbage", ";;;", "sprop-maxcapturerate=16000;cbr=1", "maxplaybackrate=99999999999999999999"})
    void garbledOrUnknownParametersAreIgnored(String fmtp) {
        assertThat(OpusParameters.parse(fmtp)).isEqualTo(OpusParameters.DEFAULTS);
    }

    @Test
    void numbersOutsideTheRfcRangesAreClamped() {
        OpusParameters p = OpusParameters.parse("maxplaybackrate=96000;maxaveragebitrate=1000000");
        assertThat(p.maxPlaybackRate()).isEqualTo(48000);
        assertThat(p.maxAverageBitrate()).isEqualTo(510000);
        assertThat(OpusParameters.parse("maxplaybackrate=4000;maxaveragebitrate=100"))
                .isEqualTo(new OpusParameters(8000, false, false, false, 6000, 0));
    }

    @Test
    void goodValuesSurviveNextToBadOnes() {
        assertThat(OpusParameters.parse("stereo=maybe;useinbandfec=1;ptime=abc;usedtx=1"))
                .isEqualTo(new OpusParameters(48000, false, true, true, 0, 0));
    }

    @Test
    void writesOnlyWhatDiffersFromTheDefaultsAndReadsItBack() {
        OpusParameters ours = new OpusParameters(16000, false, true, false, 24000, 0);
        assertThat(ours.toFmtp()).isEqualTo("maxplaybackrate=16000;useinbandfec=1;maxaveragebitrate=24000");
        assertThat(OpusParameters.parse(ours.toFmtp())).isEqualTo(ours);
        assertThat(OpusParameters.DEFAULTS.toFmtp()).isEmpty();
    }

    @Test
    void ourOwnValuesAreChecked() {
        assertThatThrownBy(() -> new OpusParameters(96000, false, false, false, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxplaybackrate");
        assertThatThrownBy(() -> new OpusParameters(48000, false, false, false, 100, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxaveragebitrate");
    }
}
