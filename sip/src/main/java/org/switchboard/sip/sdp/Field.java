package org.switchboard.sip.sdp;

import java.util.Comparator;
import java.util.List;

/**
 * A line this model keeps as text because a B2BUA only passes it on: session information
 * ({@code i=}), URI ({@code u=}), e-mail ({@code e=}), phone ({@code p=}), bandwidth
 * ({@code b=}, RFC 8866 §5.8), repeat times ({@code r=}), time zones ({@code z=}), keys
 * ({@code k=}, obsolete), and any {@code t=} or {@code c=} line after the first.
 * The printer writes them at their grammar position (RFC 8866 §5), keeping their order.
 */
public record Field(char type, String value) {

    /** The types a field may have. */
    static final String TYPES = "iuepbrzktc";

    public Field {
        if (TYPES.indexOf(type) < 0) throw new IllegalArgumentException("not a free SDP field type: " + type);
        SdpSyntax.requireText(value, "field value");
    }

    /** Session-level grammar slots (RFC 8866 §5): {@code i u e p}, then {@code b}, then {@code t r z}, then {@code k}. */
    static final String SESSION_ORDER = "iuep|b|trz|k";
    /** Media-level grammar slots: {@code i}, then further {@code c}, then {@code b}, then {@code k}. */
    static final String MEDIA_ORDER = "i|c|b|k";

    /**
     * The fields stably sorted into their grammar slots, so that the list order is the
     * printed order and a description parses back equal to itself.
     */
    static List<Field> inSlots(List<Field> fields, String order) {
        return fields.stream().sorted(Comparator.comparingInt(f -> slot(f.type(), order))).toList();
    }

    private static int slot(char type, String order) {
        int slot = 0;
        for (int i = 0; i < order.length(); i++) {
            char c = order.charAt(i);
            if (c == '|') slot++;
            else if (c == type) return slot;
        }
        return slot + 1;
    }

    @Override
    public String toString() { return type + "=" + value; }
}
