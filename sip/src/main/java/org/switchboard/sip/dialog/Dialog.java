package org.switchboard.sip.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.sip.message.HeaderField;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.NameAddr;
import org.switchboard.sip.message.Params;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;

/**
 * What a dialog remembers (RFC 3261 §12): its id, both parties' URIs, our Contact, the remote
 * target, the route set, the CSeq numbers and the secure flag. Immutable: every change returns
 * a new value, which the call keeps on its own executor.
 *
 * @param id           Call-ID and tags, from our side
 * @param localUri     our From (UAC) or To (UAS) without tag
 * @param remoteUri    the peer's address of record without tag
 * @param localTarget  our Contact URI, sent in target-refresh requests
 * @param remoteTarget where in-dialog requests go: the peer's Contact URI (§12.1.1, §12.1.2)
 * @param routeSet     Record-Route values in the order we put them in Route headers
 * @param localSeq     the last CSeq number we used; 0 when we have not sent a request yet
 * @param remoteSeq    the last CSeq number the peer used; -1 while unknown (UAC before any request)
 * @param secure       SIPS dialog: the request was {@code sips:} over TLS (§12.1.1)
 * @param early        created by a provisional response; {@link #confirm} makes it confirmed
 */
public record Dialog(DialogId id, NameAddr localUri, NameAddr remoteUri, String localTarget, String remoteTarget,
                     List<String> routeSet, long localSeq, long remoteSeq, boolean secure, boolean early) {

    /** Methods whose requests carry our Contact (they may refresh the target or need one). */
    private static final List<String> WITH_CONTACT = List.of("INVITE", "UPDATE", "SUBSCRIBE", "NOTIFY", "REFER");

    public Dialog {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(localUri, "localUri");
        Objects.requireNonNull(remoteUri, "remoteUri");
        Objects.requireNonNull(localTarget, "localTarget");
        Objects.requireNonNull(remoteTarget, "remoteTarget");
        routeSet = List.copyOf(routeSet);
    }

    /**
     * The UAS side of a dialog created by our response (§12.1.1): route set = the request's
     * Record-Route in order, remote target = the request's Contact, remote CSeq = the request's.
     *
     * @param response    our 101-199 (with To tag) or 2xx response to {@code request}
     * @param localTarget our Contact URI as sent in {@code response}
     * @param tls         the request arrived over TLS
     * @return empty when the request has no usable Contact or the response no To tag
     */
    public static Optional<Dialog> asUas(SipRequest request, SipResponse response, String localTarget, boolean tls) {
        Optional<String> remoteTarget = firstContactUri(request.contacts());
        Optional<String> localTag = response.to().tag();
        if (remoteTarget.isEmpty() || localTag.isEmpty()) return Optional.empty();
        DialogId id = new DialogId(request.callId(), localTag.get(), request.from().tag().orElse(""));
        boolean secure = tls && request.uri().regionMatches(true, 0, "sips:", 0, 5);
        return Optional.of(new Dialog(id, withoutTag(request.to()), withoutTag(request.from()), localTarget,
                remoteTarget.get(), request.headers().all(HeaderNames.RECORD_ROUTE), 0, request.cseq().number(),
                secure, response.provisional()));
    }

    /**
     * The UAC side of a dialog created by a response to our request (§12.1.2): route set = the
     * response's Record-Route reversed, remote target = the response's Contact, local CSeq =
     * the request's.
     *
     * @param request     our request as sent
     * @param response    a 101-199 with To tag or a 2xx
     * @param localTarget our Contact URI as sent in {@code request}
     * @return empty when the response has no usable Contact or no To tag
     */
    public static Optional<Dialog> asUac(SipRequest request, SipResponse response, String localTarget) {
        Optional<String> remoteTarget = firstContactUri(response.contacts());
        Optional<String> remoteTag = response.to().tag();
        if (remoteTarget.isEmpty() || remoteTag.isEmpty()) return Optional.empty();
        DialogId id = new DialogId(request.callId(), request.from().tag().orElse(""), remoteTag.get());
        List<String> routes = new ArrayList<>(response.headers().all(HeaderNames.RECORD_ROUTE));
        java.util.Collections.reverse(routes);
        boolean secure = request.uri().regionMatches(true, 0, "sips:", 0, 5);
        return Optional.of(new Dialog(id, withoutTag(request.from()), withoutTag(request.to()), localTarget,
                remoteTarget.get(), routes, request.cseq().number(), -1, secure, response.provisional()));
    }

    /**
     * The early dialog confirmed by a 2xx (§13.2.2.4): the UAC recomputes the route set and
     * the remote target from the 2xx. A UAS just clears the early flag ({@code response} is ours).
     */
    public Dialog confirm(SipResponse response, boolean uac) {
        if (!uac) return new Dialog(id, localUri, remoteUri, localTarget, remoteTarget, routeSet, localSeq, remoteSeq, secure, false);
        List<String> routes = new ArrayList<>(response.headers().all(HeaderNames.RECORD_ROUTE));
        java.util.Collections.reverse(routes);
        String target = firstContactUri(response.contacts()).orElse(remoteTarget);
        return new Dialog(id, localUri, remoteUri, localTarget, target, routes, localSeq, remoteSeq, secure, false);
    }

    /**
     * Checks an in-dialog request's CSeq (§12.2.2): lower than the last one means out of order
     * (answer 500). When accepted, returns the dialog with the new remote CSeq, and for a target
     * refresh (re-INVITE, UPDATE) with the new remote target from its Contact.
     */
    public Optional<Dialog> acceptRemote(SipRequest request) {
        long seq = request.cseq().number();
        if (remoteSeq >= 0 && seq < remoteSeq) return Optional.empty();
        String target = remoteTarget;
        if (request.isMethod("INVITE") || request.isMethod("UPDATE")) {
            target = firstContactUri(request.contacts()).orElse(remoteTarget);
        }
        return Optional.of(new Dialog(id, localUri, remoteUri, localTarget, target, routeSet, localSeq, seq, secure, early));
    }

    /** An in-dialog request and the dialog after it (the local CSeq advanced). */
    public record Outgoing(Dialog dialog, SipRequest request) { }

    /**
     * Builds the next in-dialog request (§12.2.1.1) with a new CSeq: To, From, Call-ID, CSeq,
     * Max-Forwards, Request-URI and Route per the route set (loose or strict routing), our
     * Contact for target-refresh and subscription methods. Not for ACK or CANCEL, which reuse
     * the INVITE's CSeq: see {@link #ack}.
     */
    public Outgoing next(String method, Headers extra, byte[] body) {
        if (method.equals("ACK") || method.equals("CANCEL")) {
            throw new IllegalArgumentException(method + " does not take a new CSeq");
        }
        long seq = localSeq + 1;
        Dialog after = new Dialog(id, localUri, remoteUri, localTarget, remoteTarget, routeSet, seq, remoteSeq, secure, early);
        return new Outgoing(after, build(method, seq, extra, body));
    }

    /** The ACK for a 2xx to the INVITE with CSeq number {@code inviteSeq} (§13.2.2.4). */
    public SipRequest ack(long inviteSeq, Headers extra, byte[] body) {
        return build("ACK", inviteSeq, extra, body);
    }

    /**
     * The URI of the next hop (§12.2.1.1, §8.1.2): the first route when there is a route set,
     * else the remote target. Empty if that is not a SIP URI.
     */
    public Optional<SipUri> nextHop() {
        if (routeSet.isEmpty()) return SipUri.parse(remoteTarget);
        return NameAddr.parse(routeSet.getFirst()).flatMap(NameAddr::sipUri);
    }

    private SipRequest build(String method, long seq, Headers extra, byte[] body) {
        List<HeaderField> h = new ArrayList<>(12);
        String requestUri = remoteTarget;
        List<String> routes = routeSet;
        if (!routeSet.isEmpty() && !isLooseRoute(routeSet.getFirst())) {
            // strict routing: the first route becomes the Request-URI, the remote target the last route
            requestUri = NameAddr.parse(routeSet.getFirst()).map(NameAddr::uri).orElse(remoteTarget);
            routes = new ArrayList<>(routeSet.subList(1, routeSet.size()));
            routes.add("<" + remoteTarget + ">");
        }
        for (String r : routes) h.add(new HeaderField(HeaderNames.ROUTE, r));
        h.add(new HeaderField(HeaderNames.MAX_FORWARDS, "70"));
        h.add(new HeaderField(HeaderNames.FROM, localUri.withTag(id.localTag()).toString()));
        NameAddr to = id.remoteTag().isEmpty() ? remoteUri : remoteUri.withTag(id.remoteTag());
        h.add(new HeaderField(HeaderNames.TO, to.toString()));
        h.add(new HeaderField(HeaderNames.CALL_ID, id.callId()));
        h.add(new HeaderField(HeaderNames.CSEQ, seq + " " + method));
        if (WITH_CONTACT.contains(method)) h.add(new HeaderField(HeaderNames.CONTACT, "<" + localTarget + ">"));
        if (extra != null) h.addAll(extra.fields());
        return new SipRequest(method, requestUri, Headers.of(h), body);
    }

    private static boolean isLooseRoute(String route) {
        return NameAddr.parse(route).flatMap(NameAddr::sipUri).map(u -> u.params().has("lr")).orElse(true);
    }

    private static Optional<String> firstContactUri(List<NameAddr> contacts) {
        for (NameAddr c : contacts) if (!c.uri().equals("*")) return Optional.of(c.uri());
        return Optional.empty();
    }

    private static NameAddr withoutTag(NameAddr a) {
        List<Params.Param> kept = new ArrayList<>();
        for (Params.Param p : a.params().list()) if (!p.name().equalsIgnoreCase("tag")) kept.add(p);
        return new NameAddr(a.displayName(), a.uri(), Params.of(kept));
    }
}
