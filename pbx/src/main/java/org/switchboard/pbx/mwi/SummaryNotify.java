package org.switchboard.pbx.mwi;

import org.switchboard.sip.event.EventHeader;
import org.switchboard.sip.event.SubscriptionState;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;

/**
 * What a {@code message-summary} NOTIFY carries besides its dialog headers: {@code Event} as
 * the subscription named it (RFC 6665 §8.2.1, its {@code id} echoed), {@code Subscription-State}
 * (§4.2.2), and the summary body (RFC 3842 §5.2).
 */
record SummaryNotify(EventHeader event, SubscriptionState state, MessageSummary summary) {

    /** The event package this notifier serves (RFC 3842 §4). */
    static final String PACKAGE = "message-summary";

    Headers headers(String userAgent) {
        return Headers.empty()
                .with(HeaderNames.EVENT, event.toString())
                .with(HeaderNames.SUBSCRIPTION_STATE, state.toString())
                .with(HeaderNames.USER_AGENT, userAgent)
                .with(HeaderNames.CONTENT_TYPE, MessageSummary.CONTENT_TYPE);
    }

    byte[] body() {
        return summary.toBytes();
    }
}
