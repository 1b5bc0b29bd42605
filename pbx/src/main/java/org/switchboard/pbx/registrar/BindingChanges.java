package org.switchboard.pbx.registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.switchboard.sip.transport.Flow;

/**
 * The binding updates of one REGISTER, as a pure function of the current bindings
 * (RFC 3261 §10.3 steps 6 to 8). Run inside {@link Location#update}, so all updates of a
 * request are committed together or not at all.
 */
final class BindingChanges {
    private BindingChanges() { }

    /** One requested contact: its URI as sent and its granted expiry (0 removes it). */
    record Requested(String uri, long expires) { }

    /** The request's identity and context, stamped on every binding it creates. */
    record Context(String aor, String callId, long cseq, Flow flow, String userAgent, Instant now, int maxContacts) { }

    /**
     * Applies {@code Contact: *} (remove all) or the requested contacts. The update's result
     * is the AOR's live bindings afterwards, or null when the request is refused because it
     * repeats or predates a Call-ID/CSeq already applied (step 6 and 7: "the update MUST be
     * aborted and the request fails").
     */
    static Location.Update<List<Binding>> apply(List<Binding> current, boolean removeAll, List<Requested> requested,
                                                Context ctx) {
        Instant now = ctx.now();
        if (removeAll) {
            for (Binding b : current) if (!b.expired(now) && outOfOrder(b, ctx)) return refuse(current);
            return new Location.Update<>(List.of(), List.of());
        }
        List<Binding> next = new ArrayList<>(current.size() + requested.size());
        for (Binding b : current) if (!b.expired(now)) next.add(b);
        if (requested.isEmpty()) {
            return next.size() == current.size() ? new Location.Update<>(current, current) : new Location.Update<>(next, next);
        }
        for (Requested r : requested) {
            int i = indexOf(next, r.uri());
            if (i >= 0 && outOfOrder(next.get(i), ctx)) return refuse(current);
            if (r.expires() == 0) {
                if (i >= 0) next.remove(i);
                continue;
            }
            Binding b = new Binding(ctx.aor(), r.uri(), now.plusSeconds(r.expires()), ctx.callId(), ctx.cseq(),
                    ctx.flow(), ctx.userAgent(), now);
            if (i >= 0) next.set(i, b);
            else next.add(b);
        }
        if (next.size() > ctx.maxContacts()) dropLeastRecentlyRefreshed(next, requested, ctx.maxContacts());
        return new Location.Update<>(next, next);
    }

    /** Same Call-ID and a CSeq not above the stored one: a replay or a reordered request. */
    private static boolean outOfOrder(Binding b, Context ctx) {
        return b.callId().equals(ctx.callId()) && ctx.cseq() <= b.cseq();
    }

    private static Location.Update<List<Binding>> refuse(List<Binding> current) {
        return new Location.Update<>(current, null);
    }

    private static int indexOf(List<Binding> bindings, String uri) {
        for (int i = 0; i < bindings.size(); i++) if (bindings.get(i).contactUri().equals(uri)) return i;
        return -1;
    }

    /** The cap of contacts per AOR: older devices make room for the ones registering now. */
    private static void dropLeastRecentlyRefreshed(List<Binding> next, List<Requested> requested, int max) {
        Set<String> fresh = new java.util.HashSet<>();
        for (Requested r : requested) fresh.add(r.uri());
        while (next.size() > max) {
            int oldest = -1;
            for (int i = 0; i < next.size(); i++) {
                Binding b = next.get(i);
                if (fresh.contains(b.contactUri())) continue;
                if (oldest < 0 || b.registeredAt().isBefore(next.get(oldest).registeredAt())) oldest = i;
            }
            if (oldest < 0) return; // the request alone exceeds the cap: the registrar refuses that earlier
            next.remove(oldest);
        }
    }
}
