package org.switchboard.pbx.registrar;

import org.switchboard.sip.message.SipResponse;

/** What to do with a REGISTER: send a response, or nothing at all (a blocked source). */
public sealed interface RegistrarOutcome {

    /** Send {@code response} on the flow the request came on. */
    record Reply(SipResponse response) implements RegistrarOutcome { }

    /** Send nothing: the source is blocked, and silence costs it a timeout per attempt. */
    record Drop() implements RegistrarOutcome { }
}
