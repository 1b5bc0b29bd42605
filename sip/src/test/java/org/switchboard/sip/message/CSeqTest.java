package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CSeqTest {

    @Test
    void parsesNumberAndMethodWithLws() {
        assertThat(CSeq.parse("0009 INVITE")).contains(new CSeq(9, "INVITE"));
        assertThat(CSeq.parse("  1\t REGISTER ")).contains(new CSeq(1, "REGISTER"));
        assertThat(CSeq.parse("2147483647 X")).contains(new CSeq(CSeq.MAX, "X"));
        assertThat(new CSeq(314159, "INVITE")).hasToString("314159 INVITE");
    }

    @Test
    void rejectsOverflowAndMalformedValues() {
        for (String bad : new String[] {"2147483648 INVITE", "36893488147419103232 REGISTER", "INVITE", "1", "-1 INVITE",
                "1 IN VITE", "1 INV@ITE", "\u0661 INVITE", ""}) {
            assertThat(CSeq.parse(bad)).as(bad).isEmpty();
        }
    }
}
