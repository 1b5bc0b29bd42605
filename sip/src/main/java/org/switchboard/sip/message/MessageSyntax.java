package org.switchboard.sip.message;

import java.util.List;

/**
 * The header checks every parsed message passes (RFC 3261 §8.1.1, §8.2, §20): Via, Call-ID,
 * CSeq, From and To present once each and well formed; Contact, Route and Record-Route well
 * formed; single-valued headers not repeated (RFC 4475 §3.3.8). Other headers are opaque
 * text here and are parsed when someone asks for them.
 */
final class MessageSyntax {
    private MessageSyntax() { }

    /** Returns the reason the headers are malformed, or null when they are fine. */
    static String check(List<HeaderField> fields, SipParser.Limits limits) {
        int vias = 0;
        String callId = null;
        String cseq = null;
        String from = null;
        String to = null;
        int callIds = 0;
        int cseqs = 0;
        int froms = 0;
        int tos = 0;
        int maxForwards = 0;
        int contentTypes = 0;
        for (HeaderField f : fields) {
            String v = f.value();
            switch (f.name()) {
                case HeaderNames.VIA -> {
                    if (++vias > limits.maxVias()) return "Too Many Via";
                    if (Via.parse(v).isEmpty()) return "Bad Via";
                }
                case HeaderNames.CALL_ID -> {
                    callIds++;
                    callId = v;
                }
                case HeaderNames.CSEQ -> {
                    cseqs++;
                    cseq = v;
                }
                case HeaderNames.FROM -> {
                    froms++;
                    from = v;
                }
                case HeaderNames.TO -> {
                    tos++;
                    to = v;
                }
                case HeaderNames.CONTACT -> {
                    if (!v.equals("*") && NameAddr.parse(v).isEmpty()) return "Bad Contact";
                }
                case HeaderNames.ROUTE, HeaderNames.RECORD_ROUTE -> {
                    if (NameAddr.parse(v).isEmpty()) return "Bad " + f.name();
                }
                case HeaderNames.MAX_FORWARDS -> maxForwards++;
                case HeaderNames.CONTENT_TYPE -> contentTypes++;
                default -> { }
            }
        }
        if (vias == 0) return "Missing Via";
        String err = once("Call-ID", callIds);
        if (err == null && !isCallId(callId)) err = "Bad Call-ID";
        if (err == null) err = once("CSeq", cseqs);
        if (err == null && CSeq.parse(cseq).isEmpty()) err = "Bad CSeq";
        if (err == null) err = once("From", froms);
        if (err == null && !isNameAddr(from)) err = "Bad From";
        if (err == null) err = once("To", tos);
        if (err == null && !isNameAddr(to)) err = "Bad To";
        if (err == null && maxForwards > 1) err = "Duplicate Max-Forwards";
        if (err == null && contentTypes > 1) err = "Duplicate Content-Type";
        return err;
    }

    private static String once(String name, int count) {
        if (count == 0) return "Missing " + name;
        return count > 1 ? "Duplicate " + name : null;
    }

    private static boolean isNameAddr(String v) {
        return NameAddr.parse(v).isPresent();
    }

    /**
     * {@code callid = word [ "@" word ]} (RFC 3261 §25.1). Checked liberally: visible ASCII
     * without white space, which every word is.
     */
    static boolean isCallId(String v) {
        if (v == null || v.isEmpty()) return false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c >= 0x7f) return false;
        }
        return true;
    }
}
