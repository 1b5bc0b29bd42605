/**
 * Message waiting indication: the notifier of the {@code message-summary} event package (RFC
 * 3842 over RFC 6665) that lights the lamps of phones.
 * <ul>
 *   <li>{@link org.switchboard.pbx.mwi.MwiNotifier}: SUBSCRIBE (digest-authenticated, own
 *       mailbox only), subscriptions with their expiry, NOTIFY on every change; the entry points
 *       voicemail feeds: {@link org.switchboard.pbx.mwi.MessageCountsListener} and
 *       {@link org.switchboard.pbx.mwi.MessageCountsSource};</li>
 *   <li>{@code Subscription}: one dialog's state machine (one NOTIFY in flight, the newest state
 *       sent, a failed NOTIFY ends it);</li>
 *   <li>{@code UnsolicitedNotifier}: out-of-dialog NOTIFYs to registered phones without a
 *       subscription, after they register and on every change ({@code mwi.unsolicited});</li>
 *   <li>{@link org.switchboard.pbx.mwi.MessageSummary}: the body, printer and parser.</li>
 * </ul>
 * Subscriptions are kept in memory only: a restart forgets them, and phones subscribe again
 * when their next refresh gets 481 (RFC 6665 §4.1.2.2). No SIP here is written for a single
 * phone model: the choices that RFCs leave open follow Asterisk and FreeSWITCH, as the
 * classes say.
 */
package org.switchboard.pbx.mwi;
