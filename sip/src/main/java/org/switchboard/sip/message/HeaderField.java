package org.switchboard.sip.message;

import java.util.Objects;

/**
 * One header field value. {@code name} is the canonical long form ({@code Via}, not {@code v});
 * {@code value} is the text after the colon, unfolded and trimmed. A multi-valued header
 * line such as {@code Route: <a>, <b>} is held as two fields with the same name.
 *
 * <p>The name must be a token and the value must not contain CR or LF, so a field can never
 * inject another header line when printed (RFC 3261 §7.3).
 */
public record HeaderField(String name, String value) {
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!Syntax.isToken(name)) throw new IllegalArgumentException("header name is not a token: " + name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') throw new IllegalArgumentException("CR or LF in the value of " + name);
        }
    }
}
