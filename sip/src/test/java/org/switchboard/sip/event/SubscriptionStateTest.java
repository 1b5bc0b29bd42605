package org.switchboard.sip.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.sip.event.SubscriptionState.Substate;

class SubscriptionStateTest {

    @Test
    void anActiveStatePrintsItsExpiry() {
        assertThat(SubscriptionState.active(3600)).hasToString("active;expires=3600");
    }

    @Test
    void aTerminatedStatePrintsItsReasonOrNothing() {
        assertThat(SubscriptionState.terminated("timeout")).hasToString("terminated;reason=timeout");
        assertThat(SubscriptionState.terminated()).hasToString("terminated");
    }

    @Test
    void whatIsPrintedParsesBack() {
        for (SubscriptionState s : new SubscriptionState[] {SubscriptionState.active(60),
                SubscriptionState.terminated("noresource"), SubscriptionState.terminated()}) {
            assertThat(SubscriptionState.parse(s.toString())).hasValue(s);
        }
    }

    @Test
    void parametersAreReadInAnyOrderAndCase() {
        SubscriptionState s = SubscriptionState.parse("Terminated ; retry-after=30;REASON=Probation;x=\"y\"").orElseThrow();
        assertThat(s.state()).isEqualTo(Substate.TERMINATED);
        assertThat(s.reason()).hasValue("probation");
        assertThat(s.retryAfter()).hasValue(30);
        assertThat(s.expires()).isEmpty();
    }

    @Test
    void malformedValuesAreRefused() {
        assertThat(SubscriptionState.parse("waiting")).isEmpty();
        assertThat(SubscriptionState.parse("active;expires=soon")).isEmpty();
        assertThat(SubscriptionState.parse("active;expires=-1")).isEmpty();
        assertThat(SubscriptionState.parse("terminated;reason")).isEmpty();
        assertThat(SubscriptionState.parse("")).isEmpty();
    }
}
