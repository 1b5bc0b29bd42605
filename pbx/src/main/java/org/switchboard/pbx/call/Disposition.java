package org.switchboard.pbx.call;

/**
 * How a call ended, as billing and call-record readers expect it (the classic CDR values of
 * Asterisk and FreeSWITCH). {@link #label()} is the spelling shown to users.
 */
public enum Disposition {
    /** The callee answered; billable seconds run from the answer. */
    ANSWERED("ANSWERED"),
    /** Every contact rang until the ring timeout, or declined without answering. */
    NO_ANSWER("NO ANSWER"),
    /** Every contact was busy (486/600). */
    BUSY("BUSY"),
    /** The call could not be set up: unknown number, not registered, no common codec, errors. */
    FAILED("FAILED"),
    /** The caller hung up before an answer (CANCEL). */
    CANCELLED("CANCELLED"),
    /**
     * The server answered instead of the callee: voicemail took the call (the callee did not
     * answer, was busy or had no phone registered). Billable seconds run from the server's answer.
     */
    VOICEMAIL("VOICEMAIL");

    private final String label;

    Disposition(String label) { this.label = label; }

    /** The user-facing spelling, e.g. {@code NO ANSWER}. */
    public String label() { return label; }

    /** The disposition whose {@link #label()} or enum name is {@code text}. */
    public static Disposition parse(String text) {
        for (Disposition d : values()) if (d.label.equals(text) || d.name().equals(text)) return d;
        throw new IllegalArgumentException("unknown disposition: " + text);
    }
}
