package org.switchboard.e2e.harness;

/**
 * What the harness writes to {@code DATA/switchboard.yaml} before starting the server.
 *
 * @param yaml the file's content, or null to write no file (the server's defaults)
 */
public record ServerSettings(String yaml) {
    /** The server's own defaults: no file written. */
    public static final ServerSettings DEFAULTS = new ServerSettings(null);

    /**
     * SHA-256 challenges first, then MD5 (RFC 8760). Not the server's default: SIPp 3.6.1 stops at the first
     * challenge it cannot answer and baresip 1.0.0 fails as soon as one challenge is SHA-256, whatever the order
     * (checked against a SIPp UAS sending both), so only peers that answer SHA-256 (Linphone) run with this.
     */
    public static final ServerSettings SHA256_FIRST = new ServerSettings("""
            # Written by the end-to-end test harness: offer SHA-256 digest first, MD5 second.
            auth:
              algorithms: [SHA-256, MD5]
            """);

    /**
     * No unsolicited message-waiting NOTIFYs ({@code mwi.unsolicited: false}). For tests whose registered phones are
     * SIPp scenarios waiting for an INVITE: SIPp (run with {@code -nd}) takes the out-of-dialog NOTIFY a registered
     * phone gets 2 s after registering for a call of its own, which fails and uses up one of its {@code -m} calls.
     */
    public static final ServerSettings NO_UNSOLICITED_MWI = new ServerSettings("""
            # Written by the end-to-end test harness: SIPp phones waiting for INVITEs take no unsolicited NOTIFY.
            mwi:
              unsolicited: false
            """);

    /**
     * As {@link #NO_UNSOLICITED_MWI}, and voicemail off: busy, unanswered and unregistered callees give the caller
     * 486 and 480 as a server without voicemail does (with it, those calls are answered by the mailbox).
     */
    public static final ServerSettings NO_UNSOLICITED_MWI_NO_VOICEMAIL = new ServerSettings("""
            # Written by the end-to-end test harness: SIPp phones take no unsolicited NOTIFY; calls are not diverted.
            mwi:
              unsolicited: false
            voicemail:
              enabled: false
            """);
}
