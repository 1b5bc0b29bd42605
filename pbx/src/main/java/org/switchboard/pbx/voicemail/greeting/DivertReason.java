package org.switchboard.pbx.voicemail.greeting;

/** Why a call reached voicemail, which decides between the busy and the unavailable greeting. */
public enum DivertReason {
    /** The phones rang until the ring timeout (RFC 3261 480/408 after ringing). */
    NO_ANSWER,
    /** Every phone answered busy (486/600). */
    BUSY,
    /** No phone is registered for the extension. */
    NOT_REGISTERED,
    /** The caller dialled the mailbox directly (a voicemail access number or a transfer). */
    DIRECT
}
