/**
 * Immutable SIP messages (RFC 3261 §7), their parser and printer, and the request checks a
 * UAS makes before processing (§8.2).
 *
 * <p>Written by hand rather than taken from a library: JAIN-SIP's message classes are
 * mutable and tied to its unmaintained stack, and no maintained Java library parses SIP into
 * immutable values. The parser is tested byte for byte against the torture messages of
 * RFC 4475 and RFC 5118 (test resources {@code rfc4475/}, {@code rfc5118/}) and fuzzed by
 * mutation; its limits are in docs/sip-limits.md.
 *
 * <p>Entry points: {@link org.switchboard.sip.message.SipParser#parse(byte[])},
 * {@link org.switchboard.sip.message.RequestChecks#check(SipRequest, java.util.Set)},
 * {@link org.switchboard.sip.message.ResponseChecks#check(SipResponse)},
 * {@link org.switchboard.sip.message.SipMessage#toBytes()}.
 */
package org.switchboard.sip.message;
