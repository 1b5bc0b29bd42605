package org.switchboard.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortRangeTest {

    @Test
    void defaultRangeHoldsFiveThousandEvenOddPairs() {
        PortRange range = PortRange.parse("10000-20000");
        assertThat(range).isEqualTo(PortRange.DEFAULT);
        assertThat(range.pairs()).isEqualTo(5_000);
        assertThat(range.pair(0)).isEqualTo(new PortPair(10_000));
        assertThat(range.pair(4_999)).isEqualTo(new PortPair(19_998));
        assertThat(range.pair(4_999).rtcp()).isEqualTo(19_999);
    }

    @Test
    void oddEdgesAreTrimmedToWholePairs() {
        PortRange range = new PortRange(10_001, 10_006);
        assertThat(range.firstRtpPort()).isEqualTo(10_002);
        assertThat(range.pairs()).isEqualTo(2);
        assertThat(range.indexOf(new PortPair(10_004))).isEqualTo(1);
        assertThat(range.indexOf(new PortPair(10_006))).isEqualTo(-1);
        assertThat(range.indexOf(new PortPair(10_000))).isEqualTo(-1);
    }

    @Test
    void badTextSaysWhatToWrite() {
        assertThatThrownBy(() -> PortRange.parse("10000:20000")).hasMessageContaining("10000-20000");
        assertThatThrownBy(() -> PortRange.parse(null)).hasMessageContaining("10000-20000");
        assertThatThrownBy(() -> PortRange.parse("20000-10000")).hasMessageContaining("first <= last");
        assertThatThrownBy(() -> PortRange.parse("0-10")).hasMessageContaining("1 <= first");
        assertThatThrownBy(() -> PortRange.parse("10001-10001")).hasMessageContaining("no even/odd pair");
    }

    @Test
    void pairsAreEvenAndInRange() {
        assertThatThrownBy(() -> new PortPair(10_001)).hasMessageContaining("even");
        assertThat(new PortPair(40_000)).hasToString("40000/40001");
    }
}
