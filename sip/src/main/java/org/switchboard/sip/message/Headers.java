package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An immutable, ordered list of header fields. Lookups are by name, case-insensitive, and
 * accept compact forms. Every "with" method returns a new instance.
 *
 * <p>The typed values every transaction reads (top Via, CSeq, From, To, Contact) are parsed
 * at most once per instance and kept: the parser hands over the values it built while
 * validating, others are parsed on first use. The cache is invisible: equality and printing
 * depend on the fields only. Its fields are written racily, like {@code String.hashCode}:
 * the values are immutable, so a thread sees either null (and parses) or a complete value.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(List.of());
    private final List<HeaderField> fields;
    private Via topVia;
    private CSeq cseq;
    private NameAddr from;
    private NameAddr to;
    private List<NameAddr> contacts;

    private Headers(List<HeaderField> fields) {
        this.fields = fields;
    }

    public static Headers empty() { return EMPTY; }

    /** Wraps fields the parser built (names already canonical): no copy. */
    static Headers trusted(List<HeaderField> fields) {
        return fields.isEmpty() ? EMPTY : new Headers(Collections.unmodifiableList(fields));
    }

    public static Headers of(List<HeaderField> fields) {
        List<HeaderField> copy = new ArrayList<>(fields.size());
        for (HeaderField f : fields) {
            String name = HeaderNames.canonical(f.name());
            // a field whose name is already canonical is an immutable value: share it
            copy.add(name.equals(f.name()) ? f : new HeaderField(name, f.value()));
        }
        return new Headers(Collections.unmodifiableList(copy));
    }

    public List<HeaderField> fields() { return fields; }

    public int size() { return fields.size(); }

    /** The first value of the named header. */
    public Optional<String> first(String name) {
        String n = HeaderNames.canonical(name);
        for (HeaderField f : fields) if (matches(f, n)) return Optional.of(f.value());
        return Optional.empty();
    }

    /** Every value of the named header, in order. */
    public List<String> all(String name) {
        String n = HeaderNames.canonical(name);
        List<String> out = new ArrayList<>(2);
        for (HeaderField f : fields) if (matches(f, n)) out.add(f.value());
        return out;
    }

    /** How many fields carry that name. */
    public int count(String name) {
        String n = HeaderNames.canonical(name);
        int c = 0;
        for (HeaderField f : fields) if (matches(f, n)) c++;
        return c;
    }

    private static boolean matches(HeaderField f, String canonicalName) {
        return f.name().equalsIgnoreCase(canonicalName);
    }

    public boolean has(String name) { return first(name).isPresent(); }

    /** Appends a field after all others. */
    public Headers with(String name, String value) {
        List<HeaderField> copy = new ArrayList<>(fields);
        copy.add(new HeaderField(HeaderNames.canonical(name), value));
        return new Headers(Collections.unmodifiableList(copy));
    }

    /** Inserts a field before all others (a new top Via, a new Record-Route). */
    public Headers withFirst(String name, String value) {
        List<HeaderField> copy = new ArrayList<>(fields.size() + 1);
        copy.add(new HeaderField(HeaderNames.canonical(name), value));
        copy.addAll(fields);
        return new Headers(Collections.unmodifiableList(copy));
    }

    /** Replaces every field of that name by one field, in the place of the first (or appended). */
    public Headers replacing(String name, String value) {
        String n = HeaderNames.canonical(name);
        List<HeaderField> copy = new ArrayList<>(fields.size());
        boolean placed = false;
        for (HeaderField f : fields) {
            if (matches(f, n)) {
                if (!placed) copy.add(new HeaderField(n, value));
                placed = true;
            } else {
                copy.add(f);
            }
        }
        if (!placed) copy.add(new HeaderField(n, value));
        return new Headers(Collections.unmodifiableList(copy));
    }

    /**
     * Replaces the top Via by {@code via}, which becomes the first field (a server stamping
     * {@code received} and {@code rport}, RFC 3261 §18.2.1, RFC 3581 §4). The same as
     * {@code withoutFirst("Via").withFirst("Via", via.toString())}, keeping the values
     * already parsed from the other headers.
     */
    public Headers withTopVia(Via via) {
        List<HeaderField> copy = new ArrayList<>(fields.size() + 1);
        copy.add(new HeaderField(HeaderNames.VIA, via.toString()));
        boolean removed = false;
        for (HeaderField f : fields) {
            if (!removed && matches(f, HeaderNames.VIA)) removed = true;
            else copy.add(f);
        }
        Headers h = new Headers(Collections.unmodifiableList(copy));
        h.topVia = via;
        h.cseq = cseq;
        h.from = from;
        h.to = to;
        h.contacts = contacts;
        return h;
    }

    /** Removes every field of that name. */
    public Headers without(String name) {
        String n = HeaderNames.canonical(name);
        List<HeaderField> copy = new ArrayList<>(fields.size());
        for (HeaderField f : fields) if (!matches(f, n)) copy.add(f);
        return new Headers(Collections.unmodifiableList(copy));
    }

    /** Removes the first field of that name (the top Via when a response goes upstream). */
    public Headers withoutFirst(String name) {
        String n = HeaderNames.canonical(name);
        List<HeaderField> copy = new ArrayList<>(fields);
        for (int i = 0; i < copy.size(); i++) {
            if (matches(copy.get(i), n)) {
                copy.remove(i);
                break;
            }
        }
        return new Headers(Collections.unmodifiableList(copy));
    }

    // ---- typed values, parsed once; null when the header is missing or malformed ----

    /** Called by the parser with the values it built while checking these fields (never published before). */
    void remember(Via top, CSeq c, NameAddr f, NameAddr t, List<NameAddr> contactList) {
        topVia = top;
        cseq = c;
        from = f;
        to = t;
        contacts = contactList;
    }

    Via topVia() {
        Via v = topVia;
        if (v == null) {
            v = first(HeaderNames.VIA).flatMap(Via::parse).orElse(null);
            topVia = v;
        }
        return v;
    }

    CSeq cseq() {
        CSeq c = cseq;
        if (c == null) {
            c = first(HeaderNames.CSEQ).flatMap(CSeq::parse).orElse(null);
            cseq = c;
        }
        return c;
    }

    NameAddr from() {
        NameAddr n = from;
        if (n == null) {
            n = first(HeaderNames.FROM).flatMap(NameAddr::parse).orElse(null);
            from = n;
        }
        return n;
    }

    NameAddr to() {
        NameAddr n = to;
        if (n == null) {
            n = first(HeaderNames.TO).flatMap(NameAddr::parse).orElse(null);
            to = n;
        }
        return n;
    }

    /** Contact elements, {@code *} as a NameAddr whose uri is {@code *}, malformed ones left out. */
    List<NameAddr> contacts() {
        List<NameAddr> list = contacts;
        if (list == null) {
            List<NameAddr> out = new ArrayList<>(2);
            for (String c : all(HeaderNames.CONTACT)) {
                if (c.strip().equals("*")) out.add(NameAddr.STAR);
                else NameAddr.parse(c).ifPresent(out::add);
            }
            list = List.copyOf(out);
            contacts = list;
        }
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && h.fields.equals(fields);
    }

    @Override
    public int hashCode() { return fields.hashCode(); }

    @Override
    public String toString() { return fields.toString(); }
}
