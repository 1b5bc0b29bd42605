package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header checks every parsed message passes (RFC 3261 §8.1.1, §8.2, §20): Via, Call-ID,
 * CSeq, From and To present once each and well formed; Contact, Route and Record-Route well
 * formed; single-valued headers not repeated (RFC 4475 §3.3.8). Other headers are opaque
 * text here and are parsed when someone asks for them. The values parsed along the way are
 * handed to the message's {@link Headers}, so nobody parses them again.
 */
final class MessageSyntax {
    private MessageSyntax() { }

    /**
     * Returns the reason the headers are malformed, or null when they are fine; then
     * {@code parsed} (built on {@code fields}) has remembered the top Via, CSeq, From, To and Contacts.
     */
    static String check(List<HeaderField> fields, SipParser.Limits limits, Headers parsed) {
        int vias = 0;
        Via topVia = null;
        List<NameAddr> contacts = null;
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
                    Via via = Via.parse(v).orElse(null);
                    if (via == null) return "Bad Via";
                    if (topVia == null) topVia = via;
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
                    NameAddr contact = v.equals("*") ? NameAddr.STAR : NameAddr.parse(v).orElse(null);
                    if (contact == null) return "Bad Contact";
                    if (contacts == null) contacts = new ArrayList<>(2);
                    contacts.add(contact);
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
        if (err != null) return err;
        err = once("CSeq", cseqs);
        CSeq cseqValue = err == null ? CSeq.parse(cseq).orElse(null) : null;
        if (err == null && cseqValue == null) err = "Bad CSeq";
        if (err != null) return err;
        err = once("From", froms);
        NameAddr fromValue = err == null ? nameAddr(from) : null;
        if (err == null && fromValue == null) err = "Bad From";
        if (err != null) return err;
        err = once("To", tos);
        NameAddr toValue = err == null ? nameAddr(to) : null;
        if (err == null && toValue == null) err = "Bad To";
        if (err == null && maxForwards > 1) err = "Duplicate Max-Forwards";
        if (err == null && contentTypes > 1) err = "Duplicate Content-Type";
        if (err == null) parsed.remember(topVia, cseqValue, fromValue, toValue, contacts == null ? List.of() : List.copyOf(contacts));
        return err;
    }

    private static String once(String name, int count) {
        if (count == 0) return "Missing " + name;
        return count > 1 ? "Duplicate " + name : null;
    }

    private static NameAddr nameAddr(String v) {
        Optional<NameAddr> n = NameAddr.parse(v);
        return n.orElse(null);
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
