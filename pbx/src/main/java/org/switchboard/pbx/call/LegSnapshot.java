package org.switchboard.pbx.call;

/**
 * One leg of a live call, as {@code switchboard calls} shows it.
 *
 * @param id        the leg id ({@code <call id>-a} for the caller, {@code -b1}, {@code -b2}... for contacts)
 * @param party     the extension number this leg talks to
 * @param state     RINGING, EARLY, ANSWERED, ENDING; once answered HOLDING (its phone holds the call)
 *                  or HELD (its party hears music on hold)
 * @param transport UDP, TCP or TLS
 * @param remote    the phone's signalling address, host:port
 * @param rtpPort   the server's RTP port for this leg (RTCP is the next), 0 without media
 */
public record LegSnapshot(String id, String party, String state, String transport, String remote, int rtpPort) { }
