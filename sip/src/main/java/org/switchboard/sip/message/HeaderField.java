package org.switchboard.sip.message;

import java.util.Objects;

/**
 * One header field value. {@code name} is the canonical long form ({@code Via}, not {@code v});
 * {@code value} is the text after the colon, unfolded and trimmed. A multi-valued header
 * line such as {@code Route: <a>, <b>} is held as two fields with the same name.
 */
public record HeaderField(String name, String value) {
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
