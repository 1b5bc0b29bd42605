package org.switchboard.sip.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an SDP body (RFC 8866) into a {@link SessionDescription}. It never throws on what a
 * peer sends: bad input is a {@link SdpParseResult.Failed} with a fixed reason and line number.
 *
 * <p>Strict where a B2BUA needs the value and RFC 8866 is clear: {@code v=0} first; exactly
 * one {@code o=} (6 fields), one {@code s=}, at least one {@code t=} (2 numbers); well-formed
 * {@code c=} (3 fields) and {@code m=} lines (port 0-65535, optional {@code /count}); a
 * connection for every media not rejected (RFC 8866 §5.7); attribute names are tokens; an
 * unknown line type fails the body, as RFC 8866 §5 asks.
 *
 * <p>Tolerant where real peers stray without harm: bare LF line ends, blank lines, trailing
 * spaces and tabs (except on {@code s=} and {@code i=}, whose text they may be), several
 * spaces between fields, session-level lines in any order before the first {@code m=}, an
 * empty {@code s=}, an m-line without formats. Input that is not UTF-8 decodes to U+FFFD.
 *
 * <p>Limits, each a constant below and a field of {@link Limits}: the body at most
 * {@value #MAX_BYTES} bytes; a line at most {@value #MAX_LINE_LENGTH} characters; at most
 * {@value #MAX_MEDIA} media descriptions; at most {@value #MAX_ATTRIBUTES} attribute lines
 * and {@value #MAX_FIELDS} other lines in the whole body; at most {@value #MAX_FORMATS}
 * formats on one m-line (RTP has 128 payload types). The parser reads at most the allowed
 * bytes and every line once, so its work is linear in the body size.
 */
public final class SdpParser {
    private SdpParser() { }

    /** Largest body: WebRTC audio and video offers take 5-10 KB, a softphone's audio offer 0.5 KB. */
    public static final int MAX_BYTES = 32_768;
    public static final int MAX_LINE_LENGTH = 4_096;
    public static final int MAX_MEDIA = 32;
    public static final int MAX_ATTRIBUTES = 1_024;
    /** Lines other than {@code a=}: origin, connection, timing, bandwidth, media lines... */
    public static final int MAX_FIELDS = 512;
    public static final int MAX_FORMATS = 128;

    /** Limits for one parse; {@link #DEFAULT} holds the constants of {@link SdpParser}. */
    public record Limits(int maxBytes, int maxLineLength, int maxMedia, int maxAttributes, int maxFields, int maxFormats) {
        public static final Limits DEFAULT =
                new Limits(MAX_BYTES, MAX_LINE_LENGTH, MAX_MEDIA, MAX_ATTRIBUTES, MAX_FIELDS, MAX_FORMATS);

        public Limits {
            if (maxBytes < 16 || maxLineLength < 16 || maxMedia < 0 || maxAttributes < 0 || maxFields < 4 || maxFormats < 1) {
                throw new IllegalArgumentException("limits too small to parse any description");
            }
        }
    }

    public static SdpParseResult parse(byte[] body) { return parse(body, Limits.DEFAULT); }

    public static SdpParseResult parse(byte[] body, Limits limits) {
        if (body == null || body.length == 0) return fail("empty body", 0);
        if (body.length > limits.maxBytes()) return fail("body too large", 0);
        return parse(new String(body, StandardCharsets.UTF_8), limits);
    }

    public static SdpParseResult parse(String text) { return parse(text, Limits.DEFAULT); }

    public static SdpParseResult parse(String text, Limits limits) {
        if (text == null || text.isEmpty()) return fail("empty body", 0);
        if (text.length() > limits.maxBytes()) return fail("body too large", 0);
        try {
            return new Reader(limits).read(text);
        } catch (RuntimeException e) {
            // a guard: the reader validates before building, so this means a bug, not bad input
            return fail("malformed description", 0);
        }
    }

    static SdpParseResult.Failed fail(String reason, int line) { return new SdpParseResult.Failed(reason, line); }

    /** One parse: the state of the section being read. */
    private static final class Reader {
        private final Limits limits;
        private int lineNo;
        private int attributeCount;
        private int fieldCount;

        private Origin origin;
        private String sessionName;
        private Connection connection;
        private Timing timing;
        private final List<Field> fields = new ArrayList<>();
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();
        private MediaBuilder current;

        Reader(Limits limits) { this.limits = limits; }

        SdpParseResult read(String text) {
            int pos = 0;
            boolean first = true;
            int n = text.length();
            while (pos < n) {
                int eol = text.indexOf('\n', pos);
                int end = eol < 0 ? n : eol;
                lineNo++;
                int contentEnd = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
                if (contentEnd - pos > limits.maxLineLength()) return fail("line too long", lineNo);
                String line = text.substring(pos, contentEnd);
                pos = end + 1;
                if (line.isBlank()) continue;
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if ((c < 0x20 && c != '\t') || c == 0x7F) return fail("control character in line", lineNo);
                }
                if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                    return fail("malformed line", lineNo);
                }
                char type = line.charAt(0);
                String value = line.substring(2);
                if (type != 's' && type != 'i') value = value.stripTrailing();
                if (first) {
                    if (type != 'v') return fail("description does not start with v=", lineNo);
                    if (!value.equals("0")) return fail("unsupported SDP version", lineNo);
                    first = false;
                    continue;
                }
                if (type == 'a' ? ++attributeCount > limits.maxAttributes() : ++fieldCount > limits.maxFields()) {
                    return fail(type == 'a' ? "too many attributes" : "too many lines", lineNo);
                }
                String error = current == null ? session(type, value) : media(type, value);
                if (error != null) return fail(error, lineNo);
            }
            if (first) return fail("empty body", 0);
            if (current != null) media.add(current.build());
            if (origin == null) return fail("missing o= line", 0);
            if (sessionName == null) return fail("missing s= line", 0);
            if (timing == null) return fail("missing t= line", 0);
            for (MediaDescription m : media) {
                if (!m.isRejected() && m.connection() == null && connection == null) {
                    return fail("no connection address for a media", 0);
                }
            }
            return new SdpParseResult.Parsed(new SessionDescription(
                    origin, sessionName, connection, timing, fields, attributes, media));
        }

        private String session(char type, String value) {
            switch (type) {
                case 'v' -> { return "repeated v= line"; }
                case 'o' -> {
                    if (origin != null) return "repeated o= line";
                    origin = origin(value);
                    return origin == null ? "malformed o= line" : null;
                }
                case 's' -> {
                    if (sessionName != null) return "repeated s= line";
                    sessionName = value;
                    return null;
                }
                case 'c' -> {
                    if (connection != null) return "repeated session-level c= line";
                    connection = connection(value);
                    return connection == null ? "malformed c= line" : null;
                }
                case 't' -> {
                    if (!isTiming(value)) return "malformed t= line";
                    if (timing == null) {
                        String[] w = SdpSyntax.words(value);
                        timing = new Timing(SdpSyntax.digits(w[0]), SdpSyntax.digits(w[1]));
                    } else {
                        fields.add(new Field('t', value));
                    }
                    return null;
                }
                case 'i', 'u', 'e', 'p', 'b', 'r', 'z', 'k' -> {
                    fields.add(new Field(type, value));
                    return null;
                }
                case 'a' -> {
                    Attribute a = attribute(value);
                    if (a == null) return "malformed a= line";
                    attributes.add(a);
                    return null;
                }
                case 'm' -> { return startMedia(value); }
                default -> { return "unknown line type"; }
            }
        }

        private String media(char type, String value) {
            switch (type) {
                case 'm' -> {
                    media.add(current.build());
                    return startMedia(value);
                }
                case 'c' -> {
                    Connection c = connection(value);
                    if (c == null) return "malformed c= line";
                    if (current.connection == null) current.connection = c;
                    else current.fields.add(new Field('c', c.text()));
                    return null;
                }
                case 'i', 'b', 'k' -> {
                    current.fields.add(new Field(type, value));
                    return null;
                }
                case 'a' -> {
                    Attribute a = attribute(value);
                    if (a == null) return "malformed a= line";
                    current.attributes.add(a);
                    return null;
                }
                case 'v', 'o', 's', 'u', 'e', 'p', 't', 'r', 'z' -> { return "session-level line inside a media description"; }
                default -> { return "unknown line type"; }
            }
        }

        private String startMedia(String value) {
            if (media.size() >= limits.maxMedia()) return "too many media descriptions";
            String[] w = SdpSyntax.words(value);
            if (w.length < 3 || !SdpSyntax.isToken(w[0]) || !SdpSyntax.isWord(w[2])) return "malformed m= line";
            if (w.length - 3 > limits.maxFormats()) return "too many formats";
            String portText = w[1];
            int count = 1;
            int slash = portText.indexOf('/');
            if (slash >= 0) {
                long c = SdpSyntax.digits(portText.substring(slash + 1));
                if (c < 1 || c > 65_535) return "malformed port in m= line";
                count = (int) c;
                portText = portText.substring(0, slash);
            }
            long port = SdpSyntax.digits(portText);
            if (port < 0 || port > 65_535) return "malformed port in m= line";
            List<String> formats = List.of(w).subList(3, w.length);
            current = new MediaBuilder(w[0], (int) port, count, w[2], formats);
            return null;
        }

        private static Attribute attribute(String value) {
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            if (!SdpSyntax.isToken(name)) return null;
            return new Attribute(name, colon < 0 ? null : value.substring(colon + 1));
        }

        private static Origin origin(String value) {
            String[] w = SdpSyntax.words(value);
            if (w.length != 6 || !SdpSyntax.isToken(w[3]) || !SdpSyntax.isToken(w[4])) return null;
            return new Origin(w[0], w[1], w[2], w[3], w[4], w[5]);
        }

        private static Connection connection(String value) {
            String[] w = SdpSyntax.words(value);
            if (w.length != 3 || !SdpSyntax.isToken(w[0]) || !SdpSyntax.isToken(w[1])) return null;
            return new Connection(w[0], w[1], w[2]);
        }

        private static boolean isTiming(String value) {
            String[] w = SdpSyntax.words(value);
            return w.length == 2 && SdpSyntax.digits(w[0]) >= 0 && SdpSyntax.digits(w[1]) >= 0;
        }
    }

    /** The media description being read. */
    private static final class MediaBuilder {
        final String mediaType;
        final int port;
        final int count;
        final String proto;
        final List<String> formats;
        Connection connection;
        final List<Field> fields = new ArrayList<>();
        final List<Attribute> attributes = new ArrayList<>();

        MediaBuilder(String mediaType, int port, int count, String proto, List<String> formats) {
            this.mediaType = mediaType;
            this.port = port;
            this.count = count;
            this.proto = proto;
            this.formats = formats;
        }

        MediaDescription build() {
            return new MediaDescription(mediaType, port, count, proto, formats, connection, fields, attributes);
        }
    }
}
