/**
 * DTMF: key presses as a PBX meets them, whichever way a phone sends them.
 *
 * <ul>
 *   <li>RFC 4733 telephone-event in RTP: {@link org.switchboard.media.dtmf.TelephoneEvent} (the
 *       4-byte payload), {@link org.switchboard.media.dtmf.TelephoneEventReceiver} (one key press
 *       per event whatever the redundancy, loss or reordering) and
 *       {@link org.switchboard.media.dtmf.TelephoneEventSender} (the packets a phone sends).</li>
 *   <li>Tones in G.711 audio: {@link org.switchboard.media.dtmf.InbandDtmfDetector}
 *       (Goertzel filters and ITU-T Q.24-style decision rules).</li>
 *   <li>SIP INFO bodies: {@link org.switchboard.media.dtmf.SipInfoDtmf}.</li>
 * </ul>
 *
 * All three report a {@link org.switchboard.media.dtmf.DtmfEvent} to a
 * {@link org.switchboard.media.dtmf.DtmfListener}. Everything here is sans-IO: time is passed in,
 * no sockets, no threads; one instance per leg and direction, used by one thread at a time.
 * Written here because no maintained Java library does RFC 4733 or DTMF detection without
 * bringing its own RTP stack and threads.
 */
package org.switchboard.media.dtmf;
