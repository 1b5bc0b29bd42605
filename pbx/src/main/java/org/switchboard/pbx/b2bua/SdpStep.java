package org.switchboard.pbx.b2bua;

/** What one offer or answer turned into: the body for the other leg, or the status to refuse it with. */
sealed interface SdpStep {

    /** Forward {@code body} (application/sdp) to the other leg. */
    record Forward(byte[] body) implements SdpStep { }

    /** Refuse: 400 for a broken body, 488 when nothing common is left (RFC 3261 §21.4.26). */
    record Refuse(int status, String reason, String warning) implements SdpStep { }
}
