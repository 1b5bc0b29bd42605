package org.switchboard.sip.message;

import java.util.Set;

/** The SIP methods defined by RFC 3261 and its extensions; any other token is an extension method. */
public final class Methods {
    private Methods() { }

    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String REGISTER = "REGISTER";
    public static final String PRACK = "PRACK";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";
    public static final String PUBLISH = "PUBLISH";
    public static final String INFO = "INFO";
    public static final String REFER = "REFER";
    public static final String MESSAGE = "MESSAGE";
    public static final String UPDATE = "UPDATE";

    private static final Set<String> KNOWN = Set.of(INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, PRACK,
            SUBSCRIBE, NOTIFY, PUBLISH, INFO, REFER, MESSAGE, UPDATE);

    /** True for a method a standard defines (RFC 3261, 3262, 3265, 3311, 3428, 3515, 3903, 6086). Case-sensitive. */
    public static boolean isKnown(String method) { return KNOWN.contains(method); }
}
