/**
 * Anchored media for calls: each leg of a call gets an RTP/RTCP port pair in the server
 * ({@link org.switchboard.media.relay.MediaEndpoint}), and two legs that share a codec are
 * bridged so their packets are relayed untouched (the fast path: no decode, no copy).
 *
 * <p>This package holds the contract that the B2BUA in {@code pbx} calls
 * ({@link org.switchboard.media.relay.MediaEndpoints}) and the pure rules behind it, testable
 * without sockets: the port pool ({@link org.switchboard.media.relay.PortPool}, RFC 3550 §11
 * even/odd pairs), symmetric RTP latching with the RTP bleed defence
 * ({@link org.switchboard.media.relay.SourceLatch}, RFC 4961) and the media timeout sweep
 * ({@link org.switchboard.media.relay.SilenceSweep}). A leg may terminate SRTP with the SDES keys
 * of its offer/answer ({@link org.switchboard.media.relay.SrtpKeys}); the relay then decrypts and
 * re-encrypts per packet, and plain legs keep the untouched fast path. An endpoint may instead end its
 * media in the server ({@link org.switchboard.media.relay.MediaEndpoint#terminate}, package
 * {@code channel}) and go back to relaying. Module {@code net} implements the
 * sockets. Written here rather than taken from a library because no maintained Java library
 * offers an RTP relay with these defences; they are a few hundred lines.
 */
package org.switchboard.media.relay;
