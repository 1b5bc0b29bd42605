package org.switchboard.sip.event;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.switchboard.sip.message.Syntax;

/**
 * The {@code Subscription-State} header of a NOTIFY (RFC 6665 §8.2.3, grammar in §8.4): the
 * state of the subscription, how long an active or pending one still runs, and why a
 * terminated one ended (reasons in §4.1.3: {@code deactivated}, {@code probation},
 * {@code rejected}, {@code timeout}, {@code giveup}, {@code noresource}, {@code invariant}).
 *
 * @param state      the substate
 * @param expires    seconds left, for {@code active} and {@code pending} (§4.2.2 says to send it)
 * @param reason     why it ended, for {@code terminated}; any token (extensions are allowed)
 * @param retryAfter seconds before a new subscription may succeed, with some reasons
 */
public record SubscriptionState(Substate state, OptionalLong expires, Optional<String> reason, OptionalLong retryAfter) {

    /** The substates RFC 6665 defines; {@link #parse} refuses any other. */
    public enum Substate {
        ACTIVE, PENDING, TERMINATED;

        /** The token as written in the header. */
        public String token() { return name().toLowerCase(Locale.ROOT); }
    }

    public SubscriptionState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (expires.isPresent() && expires.getAsLong() < 0) throw new IllegalArgumentException("negative expires");
        if (retryAfter.isPresent() && retryAfter.getAsLong() < 0) throw new IllegalArgumentException("negative retry-after");
        reason.ifPresent(r -> {
            if (!Syntax.isToken(r)) throw new IllegalArgumentException("reason is not a token: " + r);
        });
    }

    /** {@code active;expires=N}. */
    public static SubscriptionState active(long expiresSeconds) {
        return new SubscriptionState(Substate.ACTIVE, OptionalLong.of(expiresSeconds), Optional.empty(), OptionalLong.empty());
    }

    /** {@code terminated;reason=R}. */
    public static SubscriptionState terminated(String reason) {
        return new SubscriptionState(Substate.TERMINATED, OptionalLong.empty(), Optional.of(reason), OptionalLong.empty());
    }

    /** {@code terminated} with no reason: the subscriber may subscribe again at any time (§4.1.3). */
    public static SubscriptionState terminated() {
        return new SubscriptionState(Substate.TERMINATED, OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
    }

    /**
     * Parses {@code substate-value *( SEMI subexp-params )}; empty for an unknown substate, a
     * non-numeric {@code expires} or {@code retry-after}, or a malformed parameter. Other
     * generic parameters are skipped.
     */
    public static Optional<SubscriptionState> parse(String value) {
        if (value == null) return Optional.empty();
        String v = value.strip();
        int semi = Syntax.indexOutsideQuotes(v, ';', 0);
        String head = Syntax.trimLws(semi >= 0 ? v.substring(0, semi) : v).toLowerCase(Locale.ROOT);
        Substate state = switch (head) {
            case "active" -> Substate.ACTIVE;
            case "pending" -> Substate.PENDING;
            case "terminated" -> Substate.TERMINATED;
            default -> null;
        };
        if (state == null) return Optional.empty();
        OptionalLong expires = OptionalLong.empty();
        OptionalLong retryAfter = OptionalLong.empty();
        String reason = null;
        int i = semi;
        while (i >= 0) {
            int next = Syntax.indexOutsideQuotes(v, ';', i + 1);
            String param = Syntax.trimLws(next >= 0 ? v.substring(i + 1, next) : v.substring(i + 1));
            int eq = param.indexOf('=');
            String name = Syntax.trimLws(eq >= 0 ? param.substring(0, eq) : param).toLowerCase(Locale.ROOT);
            String val = eq >= 0 ? Syntax.trimLws(param.substring(eq + 1)) : null;
            if (!Syntax.isToken(name)) return Optional.empty();
            switch (name) {
                case "expires" -> {
                    expires = deltaSeconds(val);
                    if (expires.isEmpty()) return Optional.empty();
                }
                case "retry-after" -> {
                    retryAfter = deltaSeconds(val);
                    if (retryAfter.isEmpty()) return Optional.empty();
                }
                case "reason" -> {
                    if (val == null || !Syntax.isToken(val)) return Optional.empty();
                    reason = val.toLowerCase(Locale.ROOT);
                }
                default -> { }
            }
            i = next;
        }
        return Optional.of(new SubscriptionState(state, expires, Optional.ofNullable(reason), retryAfter));
    }

    private static OptionalLong deltaSeconds(String v) {
        if (v == null || v.isEmpty() || v.length() > 10) return OptionalLong.empty();
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return OptionalLong.empty();
        return OptionalLong.of(Long.parseLong(v));
    }

    /** The header value: {@code active;expires=3600}, {@code terminated;reason=timeout}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(32).append(state.token());
        reason.ifPresent(r -> sb.append(";reason=").append(r));
        if (expires.isPresent()) sb.append(";expires=").append(expires.getAsLong());
        if (retryAfter.isPresent()) sb.append(";retry-after=").append(retryAfter.getAsLong());
        return sb.toString();
    }
}
