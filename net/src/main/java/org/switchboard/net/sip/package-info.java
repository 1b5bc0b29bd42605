/**
 * SIP transports on Netty: UDP, TCP and TLS (RFC 3261 §18), stream framing by Content-Length
 * (§18.3), CRLF and STUN keep-alives (RFC 5626), connection reuse (RFC 5923), connection caps and
 * timeouts. Entry point: {@link org.switchboard.net.sip.SipTransports#start}. Written here rather
 * than taken from a SIP library because the stack in module {@code sip} is our own and sans-IO:
 * this package is only the socket side of the {@code org.switchboard.sip.transport} contract.
 */
package org.switchboard.net.sip;
