package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An immutable, ordered list of header fields. Lookups are by name, case-insensitive, and
 * accept compact forms. Every "with" method returns a new instance.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(List.of());
    private final List<HeaderField> fields;

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
        for (HeaderField f : fields) copy.add(new HeaderField(HeaderNames.canonical(f.name()), f.value()));
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && h.fields.equals(fields);
    }

    @Override
    public int hashCode() { return fields.hashCode(); }

    @Override
    public String toString() { return fields.toString(); }
}
