package org.switchboard.pbx.b2bua;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.pbx.call.HangupSide;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transaction.ResponseListener;
import org.switchboard.sip.transaction.TransactionFailure;

/**
 * Session timers (RFC 4028), one per leg, so that a call whose phone vanished without BYE ends.
 * Each leg negotiates its own interval and refresher:
 * <ul>
 * <li>caller leg: when the caller supports timers its requested interval (at least our Min-SE,
 *     else 422 at admission) and refresher are granted, default refresher the caller (uac); when
 *     it does not, the server refreshes (RFC 4028 §9, refresher=uas without Require).</li>
 * <li>callee leg: our INVITE asks for our interval, the callee picks the refresher; when its 2xx
 *     has no Session-Expires the server refreshes anyway, which is harmless for a phone.</li>
 * </ul>
 * The server refreshes with UPDATE without a body when the phone allows UPDATE, else with a
 * re-INVITE carrying the last SDP it sent that phone (same version: nothing changes). A refresh
 * that fails with 408 or 481, or a leg that stays silent past its interval (less
 * min(32 s, interval/3), §10), ends the call as SESSION_TIMER_EXPIRED.
 */
final class SessionTimers {

    private static final class Leg {
        Duration interval;
        boolean weRefresh;
        boolean allowsUpdate;
        Scheduler.Handle refresh = Scheduler.Handle.NONE;
        Scheduler.Handle expiry = Scheduler.Handle.NONE;
    }

    private final Call call;
    private final Map<Side, Leg> legs = new EnumMap<>(Side.class);
    private boolean running;

    SessionTimers(Call call) {
        this.call = call;
    }

    private B2buaSettings settings() { return call.context().settings(); }

    /** Headers of our INVITE to a contact: we support timers and ask for our interval (§7.1). */
    Headers offerHeaders(Headers h) {
        if (!settings().sessionTimers()) return h;
        return h.with(HeaderNames.SUPPORTED, "timer")
                .with(HeaderNames.SESSION_EXPIRES, Long.toString(settings().sessionInterval().toSeconds()))
                .with(HeaderNames.MIN_SE, Long.toString(settings().minSessionInterval().toSeconds()));
    }

    /**
     * The interval a caller asked for when it is below our Min-SE: the INVITE then gets 422 with
     * Min-SE (§8.1). Empty when acceptable.
     */
    static Optional<Long> tooSmall(SipRequest invite, B2buaSettings settings) {
        if (!settings.sessionTimers()) return Optional.empty();
        long asked = sessionExpires(invite.header(HeaderNames.SESSION_EXPIRES).orElse(null));
        long min = settings.minSessionInterval().toSeconds();
        return asked > 0 && asked < min ? Optional.of(min) : Optional.empty();
    }

    /** Reads the callee's choice from the 2xx that answered our INVITE (§7.2). */
    void calleeAnswered(SipResponse ok) {
        if (!settings().sessionTimers()) return;
        Leg leg = new Leg();
        String se = ok.header(HeaderNames.SESSION_EXPIRES).orElse(null);
        long seconds = sessionExpires(se);
        leg.interval = seconds > 0 ? Duration.ofSeconds(seconds) : settings().sessionInterval();
        leg.weRefresh = seconds <= 0 || "uac".equals(refresher(se));
        leg.allowsUpdate = allows(ok.header(HeaderNames.ALLOW).orElse(""), "UPDATE");
        legs.put(Side.CALLEE, leg);
    }

    /** Adds our grant to the 2xx for the caller (§9) and records the caller leg's timer. */
    SipResponse callerAnswerHeaders(SipResponse ok) {
        if (!settings().sessionTimers()) return ok;
        SipRequest invite = callerInvite();
        String se = invite.header(HeaderNames.SESSION_EXPIRES).orElse(null);
        boolean supports = se != null || supportsTimer(invite);
        Leg leg = new Leg();
        long asked = sessionExpires(se);
        long interval = asked > 0 ? Math.min(asked, settings().sessionInterval().toSeconds())
                : settings().sessionInterval().toSeconds();
        interval = Math.max(interval, settings().minSessionInterval().toSeconds());
        leg.interval = Duration.ofSeconds(interval);
        String refresher = supports ? Optional.ofNullable(refresher(se)).orElse("uac") : "uas";
        leg.weRefresh = refresher.equals("uas");
        leg.allowsUpdate = allows(invite.header(HeaderNames.ALLOW).orElse(""), "UPDATE");
        legs.put(Side.CALLER, leg);
        SipResponse r = Replies.with(ok, HeaderNames.SESSION_EXPIRES, interval + ";refresher=" + refresher);
        return supports ? Replies.with(r, HeaderNames.REQUIRE, "timer") : r;
    }

    /** Session-Expires for a request we relay to {@code side} (a re-INVITE or UPDATE). */
    Headers requestHeaders(Side side, Headers h) {
        Leg leg = legs.get(side);
        if (leg == null) return h;
        return h.with(HeaderNames.SUPPORTED, "timer").with(HeaderNames.SESSION_EXPIRES,
                leg.interval.toSeconds() + ";refresher=" + (leg.weRefresh ? "uac" : "uas"));
    }

    /** Session-Expires in our 2xx to a refresh from {@code side} (§9): the leg's interval and refresher. */
    SipResponse refreshAnswerHeaders(Side side, SipResponse ok) {
        Leg leg = legs.get(side);
        if (leg == null) return ok;
        SipResponse r = Replies.with(ok, HeaderNames.SESSION_EXPIRES,
                leg.interval.toSeconds() + ";refresher=" + (leg.weRefresh ? "uas" : "uac"));
        return leg.weRefresh ? r : Replies.with(r, HeaderNames.REQUIRE, "timer");
    }

    /** Starts every leg's timers, when the call is answered. */
    void start() {
        running = true;
        for (Side side : legs.keySet()) arm(side);
    }

    /** Traffic from {@code side} that refreshes its session (a re-INVITE, an UPDATE, a 2xx to ours). */
    void refreshedBy(Side side, SipRequest request) {
        if (running && legs.containsKey(side)) arm(side);
    }

    void stop() {
        running = false;
        for (Leg leg : legs.values()) {
            leg.refresh.cancel();
            leg.expiry.cancel();
        }
    }

    private void arm(Side side) {
        Leg leg = legs.get(side);
        leg.refresh.cancel();
        leg.expiry.cancel();
        Scheduler scheduler = call.context().scheduler();
        if (leg.weRefresh) {
            leg.refresh = scheduler.schedule(leg.interval.dividedBy(2), () -> call.executor.execute(() -> refresh(side)));
        }
        Duration margin = leg.interval.dividedBy(3);
        if (margin.compareTo(Duration.ofSeconds(32)) > 0) margin = Duration.ofSeconds(32);
        Duration expiresIn = leg.weRefresh ? leg.interval : leg.interval.minus(margin);
        leg.expiry = scheduler.schedule(expiresIn, () -> call.executor.execute(() -> expired(side)));
    }

    private void expired(Side side) {
        if (!running) return;
        call.hangUp(HangupSide.SYSTEM, HangupCause.SESSION_TIMER_EXPIRED);
    }

    /** Our refresh towards {@code side}: UPDATE when allowed, else re-INVITE with the last SDP. */
    private void refresh(Side side) {
        if (!running || call.state() != Call.State.ANSWERED) return;
        Leg leg = legs.get(side);
        LegDialog dialog = call.dialog(side);
        byte[] sdp = leg.allowsUpdate ? new byte[0] : call.media().lastSent(side);
        String method = leg.allowsUpdate || sdp.length == 0 ? "UPDATE" : "INVITE";
        Headers h = requestHeaders(side, Headers.empty());
        dialog.send(call.context().stack(), method, h, sdp, Replies.SDP, new ResponseListener() {
            @Override
            public void onResponse(SipResponse r) {
                if (r.provisional()) return;
                if (method.equals("INVITE") && r.success()) {
                    dialog.sendAck(call.context().stack(), dialog.ack(r.cseq().number(), new byte[0], Replies.SDP));
                }
                if (r.success() || r.status() == 491) {
                    if (running) arm(side);
                } else if (r.status() == 481 || r.status() == 408) {
                    expired(side);
                } else if (running) {
                    arm(side);
                }
            }

            @Override
            public void onFailure(TransactionFailure failure) { expired(side); }
        });
    }

    private SipRequest callerInvite() { return call.callerInvite(); }

    /** The delta-seconds of a Session-Expires value, -1 when absent or malformed. */
    static long sessionExpires(String value) {
        if (value == null) return -1;
        String delta = value.split(";", 2)[0].trim();
        try {
            long s = Long.parseLong(delta);
            return s > 0 ? s : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String refresher(String value) {
        if (value == null) return null;
        for (String p : value.split(";")) {
            String[] kv = p.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("refresher")) return kv[1].trim().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static boolean supportsTimer(SipRequest r) {
        for (String v : r.headers().all(HeaderNames.SUPPORTED)) if (allows(v, "timer")) return true;
        return false;
    }

    private static boolean allows(String list, String token) {
        for (String t : list.split(",")) if (t.trim().equalsIgnoreCase(token)) return true;
        return false;
    }
}
