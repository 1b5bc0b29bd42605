package org.switchboard.media.dtmf;

/** How a key press reached the server; a PBX may trust or prefer one over another. */
public enum DtmfSource {
    /** RTP telephone-event packets, RFC 4733. */
    TELEPHONE_EVENT,
    /** Tones detected in the audio itself. */
    INBAND,
    /** A SIP INFO request (application/dtmf-relay or application/dtmf). */
    SIP_INFO
}
