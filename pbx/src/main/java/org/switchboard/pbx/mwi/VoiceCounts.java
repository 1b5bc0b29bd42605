package org.switchboard.pbx.mwi;

/**
 * The voice messages of one mailbox as a message-waiting lamp sees them (RFC 3842 §5.2,
 * {@code Voice-Message: new/old (urgent new/urgent old)}). The urgent counts are part of the
 * totals, as RFC 3842's examples count them; voicemail without priorities leaves them 0.
 */
public record VoiceCounts(int newMessages, int oldMessages, int urgentNew, int urgentOld) {

    /** An empty mailbox: the lamp is off. */
    public static final VoiceCounts NONE = new VoiceCounts(0, 0, 0, 0);

    public VoiceCounts {
        if (newMessages < 0 || oldMessages < 0 || urgentNew < 0 || urgentOld < 0) {
            throw new IllegalArgumentException("message counts cannot be negative");
        }
    }

    /** New and old messages, none urgent. */
    public static VoiceCounts of(int newMessages, int oldMessages) {
        return new VoiceCounts(newMessages, oldMessages, 0, 0);
    }

    /** Whether the lamp is on: at least one message not yet heard ({@code Messages-Waiting: yes}). */
    public boolean waiting() {
        return newMessages > 0;
    }
}
