package org.switchboard.sip.sdp;

import java.util.Objects;

/**
 * One {@code a=} line (RFC 8866 §5.13): a property attribute such as {@code a=sendrecv}
 * ({@code value} null) or a value attribute such as {@code a=rtpmap:0 PCMU/8000}. Values are
 * kept as text, so attributes this package does not interpret ({@code crypto} of RFC 4568,
 * {@code ssrc}, {@code rtcp-fb}...) pass through a B2BUA unchanged. {@code a=name:} with an
 * empty value is kept apart from {@code a=name} so that both print back as they came.
 */
public record Attribute(String name, String value) {

    public Attribute {
        SdpSyntax.requireToken(Objects.requireNonNull(name, "name"), "attribute name");
        if (value != null) SdpSyntax.requireText(value, "attribute value");
    }

    /** A property attribute: {@code a=name}. */
    public static Attribute flag(String name) { return new Attribute(name, null); }

    /** A value attribute: {@code a=name:value}. */
    public static Attribute of(String name, String value) { return new Attribute(name, Objects.requireNonNull(value)); }

    /** Attribute names are compared without regard to ASCII case, as most stacks do. */
    public boolean is(String attributeName) { return name.equalsIgnoreCase(attributeName); }

    /**
     * The first space-separated word of the value: the payload type of {@code rtpmap},
     * {@code fmtp} and {@code rtcp-fb}, the port of {@code rtcp}; empty for a flag.
     */
    public String firstWord() {
        if (value == null) return "";
        String v = value.strip();
        int sp = v.indexOf(' ');
        return sp < 0 ? v : v.substring(0, sp);
    }

    /** The text after {@code a=}. */
    public String text() { return value == null ? name : name + ":" + value; }

    @Override
    public String toString() { return "a=" + text(); }
}
