package org.switchboard.sip.sdp;

/**
 * Writes a description in the line order of the RFC 8866 §5 grammar, CRLF after every line:
 * {@code v o s i u e p c b t r z k a} then each media {@code m i c b k a}. Free fields are
 * kept in slot order by the model ({@link Field#inSlots}), so a conforming input prints back
 * byte for byte.
 */
final class SdpPrinter {
    private SdpPrinter() { }

    private static final String CRLF = "\r\n";

    static String print(SessionDescription s) {
        StringBuilder b = new StringBuilder(512);
        line(b, 'v', "0");
        line(b, 'o', s.origin().text());
        line(b, 's', s.sessionName());
        fields(b, s, "iuep");
        if (s.connection() != null) line(b, 'c', s.connection().text());
        fields(b, s, "b");
        line(b, 't', s.timing().text());
        fields(b, s, "trzk");
        for (Attribute a : s.attributes()) line(b, 'a', a.text());
        for (MediaDescription m : s.media()) media(b, m);
        return b.toString();
    }

    static String media(MediaDescription m) {
        StringBuilder b = new StringBuilder(256);
        media(b, m);
        return b.toString();
    }

    private static void media(StringBuilder b, MediaDescription m) {
        line(b, 'm', m.text());
        for (Field f : m.fields()) if (f.type() == 'i') line(b, 'i', f.value());
        if (m.connection() != null) line(b, 'c', m.connection().text());
        for (Field f : m.fields()) if (f.type() != 'i') line(b, f.type(), f.value());
        for (Attribute a : m.attributes()) line(b, 'a', a.text());
    }

    /** Session-level free fields whose type is in {@code types}, in their order. */
    private static void fields(StringBuilder b, SessionDescription s, String types) {
        for (Field f : s.fields()) {
            if (types.indexOf(f.type()) >= 0) line(b, f.type(), f.value());
        }
    }

    private static void line(StringBuilder b, char type, String value) {
        b.append(type).append('=').append(value).append(CRLF);
    }
}
