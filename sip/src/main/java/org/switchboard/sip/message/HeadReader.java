package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the header section of one message (RFC 3261 §7): finds the empty line, splits the
 * lines, unfolds continuation lines (§7.3.1), expands compact names, splits list-valued
 * headers into one field per element, and enforces the line-length and header-count limits.
 *
 * <p>Lines end with CRLF; a bare LF is accepted as well (as HTTP/1.1 recipients may, RFC 9112
 * §2.2), a CR that does not end a line is an error. The section is decoded as UTF-8 once;
 * bytes that are not UTF-8 become U+FFFD, so the outcome is deterministic.
 */
final class HeadReader {
    private HeadReader() { }

    /**
     * What was read. {@code error} is null when the section is well formed; otherwise the
     * fields read before the error are kept, so a 400 can still be addressed.
     * {@code bodyStart} is the offset of the body in the input, or -1 without an empty line.
     */
    record Head(String startLine, List<HeaderField> fields, List<String> contentLengths, int bodyStart, String error) { }

    static Head read(byte[] data, int start, int end, SipParser.Limits limits) {
        int lineStart = start;
        int headEnd = -1;
        int bodyStart = -1;
        for (int i = start; i < end; i++) {
            if (data[i] != '\n') continue;
            int contentEnd = i > lineStart && data[i - 1] == '\r' ? i - 1 : i;
            if (contentEnd == lineStart) {
                headEnd = lineStart;
                bodyStart = i + 1;
                break;
            }
            lineStart = i + 1;
        }
        // without an empty line, read the complete lines there are, for a best-effort answer
        int textEnd = headEnd >= 0 ? headEnd : (lineStart > start ? lineStart : end);
        String text = new String(data, start, textEnd - start, StandardCharsets.UTF_8);
        Head head = new Reader(text, limits).read(bodyStart);
        if (headEnd < 0 && head.error() == null) {
            return new Head(head.startLine(), head.fields(), head.contentLengths(), -1, "Incomplete Header Section");
        }
        return head;
    }

    private static final class Reader {
        private final String text;
        private final SipParser.Limits limits;
        private final List<HeaderField> fields = new ArrayList<>(16);
        private final List<String> contentLengths = new ArrayList<>(1);
        private String name;
        private String value;
        private StringBuilder folded;

        Reader(String text, SipParser.Limits limits) {
            this.text = text;
            this.limits = limits;
        }

        Head read(int bodyStart) {
            int len = text.length();
            String startLine = null;
            int pos = 0;
            int cr = text.indexOf('\r');
            while (pos < len) {
                // indexOf is vectorised: far cheaper than a charAt loop over every character
                int i = text.indexOf('\n', pos);
                if (i < 0) i = len;
                if (cr >= 0 && cr < pos) cr = text.indexOf('\r', pos);
                // a CR anywhere but right before this line's LF is a bare CR
                if (cr >= 0 && cr < i && (cr != i - 1 || i == len)) return fail(startLine, bodyStart, "Bad Line Ending");
                int lineEnd = i > pos && text.charAt(i - 1) == '\r' ? i - 1 : i;
                String error = startLine == null ? null : line(pos, lineEnd);
                if (startLine == null) startLine = text.substring(pos, lineEnd);
                if (error != null) return fail(startLine, bodyStart, error);
                pos = i + 1;
            }
            String error = flush();
            if (error != null) return fail(startLine, bodyStart, error);
            return new Head(startLine == null ? "" : startLine, fields, contentLengths, bodyStart, null);
        }

        private Head fail(String startLine, int bodyStart, String error) {
            return new Head(startLine == null ? "" : startLine, fields, contentLengths, bodyStart, error);
        }

        /** One physical header line: a continuation of the previous field, or a new field. */
        private String line(int from, int to) {
            if (from >= to) return "Bad Header Line";
            char first = text.charAt(from);
            if (Syntax.isWhitespace(first)) {
                if (name == null) return "Bad Folding";
                if (folded == null) folded = new StringBuilder(value.length() + 64).append(value);
                int end = folded.length();
                while (end > 0 && Syntax.isWhitespace(folded.charAt(end - 1))) end--;
                folded.setLength(end);
                String more = Syntax.trimLws(text.substring(from, to));
                if (end > 0 && !more.isEmpty()) folded.append(' ');
                folded.append(more);
                return folded.length() > limits.maxLineLength() ? "Header Too Long" : null;
            }
            String error = flush();
            if (error != null) return error;
            int colon = text.indexOf(':', from);
            if (colon < 0 || colon >= to) return "Bad Header Line";
            int nameEnd = colon;
            while (nameEnd > from && Syntax.isWhitespace(text.charAt(nameEnd - 1))) nameEnd--;
            String known = HeaderNames.canonicalSpellingOrNull(text, from, nameEnd);
            if (known == null) {
                String raw = text.substring(from, nameEnd);
                if (!Syntax.isToken(raw)) return "Bad Header Name";
                known = HeaderNames.canonical(raw);
            }
            name = known;
            int vs = colon + 1;
            int ve = to;
            while (vs < ve && Syntax.isWhitespace(text.charAt(vs))) vs++;
            while (ve > vs && Syntax.isWhitespace(text.charAt(ve - 1))) ve--;
            value = text.substring(vs, ve);
            return null;
        }

        /** Adds the pending field, unfolded and trimmed, split into elements if it is a list. */
        private String flush() {
            if (name == null) return null;
            String v = folded != null ? Syntax.trimLws(folded.toString()) : value;
            String n = name;
            name = null;
            value = null;
            folded = null;
            if (v.length() > limits.maxLineLength()) return "Header Too Long";
            if (n.equals(HeaderNames.CONTENT_LENGTH)) {
                contentLengths.add(v);
                return null;
            }
            if (v.indexOf(',') >= 0 && HeaderNames.isListValued(n)) addElements(n, v);
            else fields.add(HeaderField.trusted(n, v));
            return fields.size() > limits.maxHeaders() ? "Too Many Headers" : null;
        }

        /** Splits at commas outside quotes and angle brackets; empty elements are dropped. */
        private void addElements(String n, String v) {
            int before = fields.size();
            int from = 0;
            while (true) {
                int comma = Syntax.indexOutsideQuotes(v, ',', from);
                String part = Syntax.trimLws(comma < 0 ? v.substring(from) : v.substring(from, comma));
                if (!part.isEmpty()) fields.add(HeaderField.trusted(n, part));
                if (comma < 0) break;
                from = comma + 1;
            }
            if (fields.size() == before) fields.add(HeaderField.trusted(n, ""));
        }
    }
}
