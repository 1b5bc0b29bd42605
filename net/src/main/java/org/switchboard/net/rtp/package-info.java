/**
 * RTP/RTCP sockets of anchored media and the relay fast path on Netty: the socket side of the
 * {@link org.switchboard.media.relay.MediaEndpoints} contract. Entry point:
 * {@link org.switchboard.net.rtp.NettyMediaEndpoints#start}. A bridged packet is re-addressed
 * and written out of the other leg's socket on the same event loop, holding the buffer the
 * kernel filled: no decode, no copy. Written here rather than taken from a library for the
 * reason given in {@code org.switchboard.media.relay}. A leg that terminates SRTP takes a second
 * path: the packet is copied once, decrypted with that leg's keys and encrypted with the
 * partner's ({@link org.switchboard.net.rtp.SrtpDirection}, over jitsi-srtp, the SRTP library
 * of the Jitsi Videobridge: the transforms are not ours to write). An endpoint switched to
 * TERMINATED ({@link org.switchboard.net.rtp.NettyMediaChannel}) hands its packets to a
 * {@link org.switchboard.media.channel.LegAudio} on the same loop instead, which each loop's
 * {@link org.switchboard.net.rtp.LegTicker} ticks every 10 ms. Across such switches each phone
 * keeps hearing one RTP stream ({@link org.switchboard.net.rtp.OutgoingStream}: one SSRC, sequence
 * numbers +1 per packet); a call never switched is relayed byte for byte. A recorded call's endpoints
 * ({@link org.switchboard.net.rtp.NettyCallTap}) show each received RTP packet, decrypted, to the
 * call's recorder on the same loop, in every mode, and the same ticker paces it.
 */
package org.switchboard.net.rtp;
