package org.switchboard.pbx.mwi;

import java.time.InstantSource;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transaction.SipStack;

/** What every subscription shares: the stack that carries its NOTIFYs, timers, clock, settings, counts and the table. */
record MwiContext(SipStack stack, Scheduler scheduler, InstantSource clock, MwiSettings settings, CountsBoard counts,
                  SubscriptionTable table) {

    /** A response to {@code request} with the transaction's To tag and our Server header (RFC 3261 §8.2.6.2). */
    SipResponse reply(SipRequest request, ServerTransaction tx, int status, String reason) {
        SipResponse r = SipResponse.to(request, status, reason, tx.localTag());
        return r.withHeaders(r.headers().with(HeaderNames.SERVER, settings.serverHeader()));
    }

    /** {@code r} plus one header. */
    static SipResponse with(SipResponse r, String name, String value) {
        return r.withHeaders(r.headers().with(name, value));
    }
}
