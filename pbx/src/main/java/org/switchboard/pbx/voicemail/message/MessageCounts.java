package org.switchboard.pbx.voicemail.message;

/**
 * How many messages a mailbox holds per folder. {@link #heard()} is the "old" count of a
 * message-summary body (RFC 3842 §5.2: {@code Voice-Message: NEW/OLD}).
 */
public record MessageCounts(int newMessages, int oldMessages, int savedMessages) {
    public static final MessageCounts EMPTY = new MessageCounts(0, 0, 0);

    public MessageCounts {
        if (newMessages < 0 || oldMessages < 0 || savedMessages < 0) throw new IllegalArgumentException("negative count");
    }

    /** Old plus saved. */
    public int heard() {
        return oldMessages + savedMessages;
    }

    public int total() {
        return newMessages + oldMessages + savedMessages;
    }

    /** True when the message-waiting lamp should be on. */
    public boolean waiting() {
        return newMessages > 0;
    }
}
