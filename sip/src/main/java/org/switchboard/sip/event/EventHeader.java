package org.switchboard.sip.event;

import java.util.Objects;
import java.util.Optional;
import org.switchboard.sip.message.Syntax;

/**
 * The {@code Event} header (RFC 6665 §8.2.1, grammar in §8.4): an event package with optional
 * templates ({@code presence.winfo}) and an optional {@code id} that tells several
 * subscriptions of one dialog apart. Other parameters are kept out: no package we serve uses
 * them.
 *
 * @param type the event type as written, {@code message-summary} for RFC 3842
 * @param id   the {@code id} parameter, echoed in every NOTIFY of the subscription (§8.2.1)
 */
public record EventHeader(String type, Optional<String> id) {

    public EventHeader {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (!Syntax.isToken(type)) throw new IllegalArgumentException("event type is not a token: " + type);
        id.ifPresent(v -> {
            if (!Syntax.isToken(v)) throw new IllegalArgumentException("event id is not a token: " + v);
        });
    }

    /** An event of {@code type} without id. */
    public static EventHeader of(String type) {
        return new EventHeader(type, Optional.empty());
    }

    /**
     * Parses {@code event-type *( SEMI event-param )}; empty when the type or an {@code id} is
     * not a token, or a parameter is malformed.
     */
    public static Optional<EventHeader> parse(String value) {
        if (value == null) return Optional.empty();
        String v = value.strip();
        int semi = Syntax.indexOutsideQuotes(v, ';', 0);
        String type = Syntax.trimLws(semi >= 0 ? v.substring(0, semi) : v);
        if (!Syntax.isToken(type)) return Optional.empty();
        String id = null;
        int i = semi;
        while (i >= 0) {
            int next = Syntax.indexOutsideQuotes(v, ';', i + 1);
            String param = Syntax.trimLws(next >= 0 ? v.substring(i + 1, next) : v.substring(i + 1));
            int eq = param.indexOf('=');
            String name = Syntax.trimLws(eq >= 0 ? param.substring(0, eq) : param);
            if (!Syntax.isToken(name)) return Optional.empty();
            if (name.equalsIgnoreCase("id")) {
                String idValue = eq >= 0 ? Syntax.trimLws(param.substring(eq + 1)) : "";
                if (!Syntax.isToken(idValue)) return Optional.empty();
                id = idValue;
            }
            i = next;
        }
        return Optional.of(new EventHeader(type, Optional.ofNullable(id)));
    }

    /**
     * Whether this names the package {@code eventPackage}. RFC 6665 §8.2.1 compares event types
     * as tokens; we ignore ASCII case, since some phones capitalise {@code Message-Summary} and
     * no two packages differ by case alone.
     */
    public boolean isPackage(String eventPackage) {
        return type.equalsIgnoreCase(eventPackage);
    }

    /** The header value: {@code message-summary} or {@code message-summary;id=7}. */
    @Override
    public String toString() {
        return id.map(v -> type + ";id=" + v).orElse(type);
    }
}
