package org.switchboard.sip.message;

import java.util.Objects;

/**
 * One header field value. {@code name} is the canonical long form ({@code Via}, not {@code v});
 * {@code value} is the text after the colon, unfolded and trimmed. A multi-valued header
 * line such as {@code Route: <a>, <b>} is held as two fields with the same name.
 *
 * <p>The name must be a token and the value must not contain CR or LF, so a field can never
 * inject another header line when printed (RFC 3261 §7.3).
 *
 * <p>An immutable value compared by name and value, like a record. It is a class so that the
 * parser, which has already checked every name and value it read, can build its fields
 * without checking them a second time ({@link #trusted}): a message has a dozen fields.
 */
public final class HeaderField {
    private final String name;
    private final String value;

    /** A field with a token name and a value without CR or LF; otherwise {@link IllegalArgumentException}. */
    public HeaderField(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!Syntax.isToken(name)) throw new IllegalArgumentException("header name is not a token: " + name);
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("CR or LF in the value of " + name);
        }
        this.name = name;
        this.value = value;
    }

    private HeaderField(String name, String value, Void checked) {
        this.name = name;
        this.value = value;
    }

    /**
     * A field whose name and value the caller has already checked (the parser: a token or
     * known name, a value cut from one unfolded line).
     */
    static HeaderField trusted(String name, String value) {
        return new HeaderField(name, value, null);
    }

    public String name() { return name; }

    public String value() { return value; }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderField f && f.name.equals(name) && f.value.equals(value);
    }

    @Override
    public int hashCode() { return 31 * name.hashCode() + value.hashCode(); }

    @Override
    public String toString() { return "HeaderField[name=" + name + ", value=" + value + "]"; }
}
