/**
 * Switchboard's own SIP stack, sans-IO: immutable messages, parser and printer,
 * digest authentication, transaction and dialog state machines.
 *
 * <p>No sockets, no threads, no wall clock live here: time and scheduling are
 * injected, bytes come in and go out through {@link org.switchboard.sip.transport}.
 * We write this ourselves because the SIP stack is the product's heart (see
 * docs/architecture.md for why JAIN-SIP was not chosen).
 */
package org.switchboard.sip;
