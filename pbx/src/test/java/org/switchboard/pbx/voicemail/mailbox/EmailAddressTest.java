package org.switchboard.pbx.voicemail.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {
    @Test
    void addressesPeopleTypeAreAccepted() {
        assertThat(EmailAddress.isValid("dr.martin@praxis-martin.ch")).isTrue();
        assertThat(EmailAddress.isValid("front+voicemail@example.co.uk")).isTrue();
        assertThat(EmailAddress.isValid("o'brien@example.com")).isTrue();
    }

    @Test
    void typingMistakesAreRefusedWithTheRule() {
        for (String bad : new String[] {"", "martin", "martin@", "@example.com", "martin@example", "martin@@example.com",
                "mar tin@example.com", "martin@exa_mple.com", "martin@.example.com", "martin.@example.com",
                "\"quoted\"@example.com", "martin@[127.0.0.1]", "a".repeat(65) + "@example.com",
                "m@" + "a".repeat(250) + ".com"}) {
            assertThat(EmailAddress.problem(bad)).as(bad).isPresent();
        }
        assertThat(EmailAddress.problem(null)).contains(EmailAddress.RULE);
        assertThat(EmailAddress.problem("martin@example")).hasValueSatisfying(p -> assertThat(p).contains("dot"));
    }
}
