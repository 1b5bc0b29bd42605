/**
 * The headers of SIP-specific event notification (RFC 6665): {@link
 * org.switchboard.sip.event.EventHeader} ({@code Event}, §8.2.1) and {@link
 * org.switchboard.sip.event.SubscriptionState} ({@code Subscription-State}, §8.2.3), as
 * immutable values with a parser and a printer. Keeping subscriptions (dialogs, timers,
 * NOTIFY) is the job of an event package's notifier above the stack, such as {@code pbx.mwi}.
 */
package org.switchboard.sip.event;
