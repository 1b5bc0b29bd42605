package org.switchboard.pbx.voicemail.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinRuleTest {
    @Test
    void fourToTenDigitsThatAreNotObviousAreAccepted() {
        assertThat(PinRule.problem("2580", "1001")).isEmpty();
        assertThat(PinRule.problem("1357924680", "1001")).isEmpty();
        assertThat(PinRule.problem("1233", "1001")).isEmpty();
    }

    @Test
    void lengthAndDigitsAreTheRule() {
        assertThat(PinRule.problem("258", "1001")).contains(PinRule.RULE);
        assertThat(PinRule.problem("25801234567", "1001")).contains(PinRule.RULE);
        assertThat(PinRule.problem("25a0", "1001")).contains(PinRule.RULE);
        assertThat(PinRule.problem("", "1001")).contains(PinRule.RULE);
        assertThat(PinRule.problem(null, "1001")).contains(PinRule.RULE);
    }

    @Test
    void guessablePinsAreRefusedWithTheReasonButNeverThePin() {
        assertThat(PinRule.problem("0000", "1001")).hasValueSatisfying(p -> assertThat(p).contains("repeated digit"));
        assertThat(PinRule.problem("1234", "1001")).hasValueSatisfying(p -> assertThat(p).contains("consecutive"));
        assertThat(PinRule.problem("9876", "1001")).hasValueSatisfying(p -> assertThat(p).contains("consecutive"));
        assertThat(PinRule.problem("0123456789", "1001")).hasValueSatisfying(p -> assertThat(p).contains("consecutive"));
        assertThat(PinRule.problem("4711", "4711")).contains("a PIN must not be the mailbox number");
        assertThat(PinRule.problem("4711", "4711").orElseThrow()).doesNotContain("4711");
    }
}
