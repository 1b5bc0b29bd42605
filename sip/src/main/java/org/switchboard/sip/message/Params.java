package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Ordered, immutable {@code ;name=value} parameters of a URI or header. A flag parameter
 * ({@code ;lr}) has a null value. Names compare case-insensitively; values are kept as written.
 */
public final class Params {
    private static final Params EMPTY = new Params(List.of());

    /** One parameter; {@code value} is null for a flag. */
    public record Param(String name, String value) { }

    private final List<Param> list;

    private Params(List<Param> list) { this.list = list; }

    public static Params empty() { return EMPTY; }

    public static Params of(List<Param> list) {
        return list.isEmpty() ? EMPTY : new Params(Collections.unmodifiableList(new ArrayList<>(list)));
    }

    /** Wraps a list the caller built and will not touch again (the parsers): no copy. */
    static Params trusted(List<Param> list) {
        return list.isEmpty() ? EMPTY : new Params(Collections.unmodifiableList(list));
    }

    public List<Param> list() { return list; }

    /**
     * Parses {@code *( SEMI generic-param )} starting at {@code from} (RFC 3261 §25.1): names
     * are tokens, values are a token, a host or a quoted-string, and LWS is allowed around
     * {@code ;} and {@code =}. Returns null when the text is not such a list.
     */
    static Params parseGeneric(String s, int from) {
        int n = s.length();
        if (from >= n) return EMPTY;
        List<Param> out = new ArrayList<>(4);
        int i = from;
        while (i < n) {
            if (s.charAt(i) != ';') return null;
            int end = Syntax.indexOutsideQuotes(s, ';', i + 1);
            if (end < 0) end = n;
            int eq = s.indexOf('=', i + 1);
            if (eq > end) eq = -1;
            String name = s.substring(i + 1, eq >= 0 ? eq : end).strip();
            if (!Syntax.isToken(name)) return null;
            String value = null;
            if (eq >= 0) {
                value = s.substring(eq + 1, end).strip();
                if (!isGenericValue(value)) return null;
            }
            out.add(new Param(name, value));
            i = end;
        }
        return new Params(Collections.unmodifiableList(out));
    }

    /** {@code gen-value = token / host / quoted-string}. */
    static boolean isGenericValue(String v) {
        if (v.isEmpty()) return false;
        if (v.charAt(0) == '"') return Syntax.endOfQuoted(v, 0) == v.length();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!Syntax.isTokenChar(c) && c != ':' && c != '[' && c != ']') return false;
        }
        return true;
    }

    public boolean isEmpty() { return list.isEmpty(); }

    public boolean has(String name) {
        for (Param p : list) if (p.name().equalsIgnoreCase(name)) return true;
        return false;
    }

    /** The value of a parameter; empty when absent or when it is a flag. */
    public Optional<String> get(String name) {
        for (Param p : list) if (p.name().equalsIgnoreCase(name)) return Optional.ofNullable(p.value());
        return Optional.empty();
    }

    /** Sets (replaces or appends) a parameter; a null value makes it a flag. */
    public Params with(String name, String value) {
        List<Param> copy = new ArrayList<>(list.size() + 1);
        boolean placed = false;
        for (Param p : list) {
            if (p.name().equalsIgnoreCase(name)) {
                if (!placed) copy.add(new Param(name, value));
                placed = true;
            } else {
                copy.add(p);
            }
        }
        if (!placed) copy.add(new Param(name, value));
        return new Params(Collections.unmodifiableList(copy));
    }

    public Params without(String name) {
        List<Param> copy = new ArrayList<>(list.size());
        for (Param p : list) if (!p.name().equalsIgnoreCase(name)) copy.add(p);
        return copy.isEmpty() ? EMPTY : new Params(Collections.unmodifiableList(copy));
    }

    /** Prints as {@code ;a=b;lr}, or the empty string. */
    public void appendTo(StringBuilder sb) {
        for (Param p : list) {
            sb.append(';').append(p.name());
            if (p.value() != null) sb.append('=').append(p.value());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) { return o instanceof Params p && p.list.equals(list); }

    @Override
    public int hashCode() { return list.hashCode(); }
}
