package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a UAS makes on a parsed request before any method handling (RFC 3261 §8.2,
 * in its order), for the verdicts of RFC 4475 that are above raw syntax. The server core
 * calls {@link #check(SipRequest, Set)} on every request the parser accepted and, when a
 * {@link Rejection} comes back, answers with it instead of processing the request.
 *
 * <p>ACK is never checked: it gets no response (RFC 3261 §17.2.3).
 */
public final class RequestChecks {
    private RequestChecks() { }

    /**
     * What to answer instead of processing the request.
     *
     * @param extraHeaders headers the response must carry (Unsupported for 420, Accept for 415, ...)
     */
    public record Rejection(int status, String reason, Headers extraHeaders) {
        /** The response to send: {@link SipResponse#to} plus the extra headers. */
        public SipResponse toResponse(SipRequest request, String toTag) {
            SipResponse r = SipResponse.to(request, status, reason, toTag);
            List<HeaderField> all = new ArrayList<>(r.headers().fields());
            all.addAll(extraHeaders.fields());
            return r.withHeaders(Headers.of(all));
        }
    }

    /**
     * What this server supports.
     *
     * @param supportedExtensions option tags it implements (compared case-insensitively)
     * @param uriSchemes          Request-URI schemes it serves; others get 416
     * @param offerBodyTypes      body types it accepts in INVITE, UPDATE and PRACK; others get 415
     * @param answerBodyType      the body type of its answers; an INVITE whose Accept excludes it gets 406
     * @param forwards            true when it relays requests onwards (proxy, B2BUA), so Max-Forwards 0 gets 483
     */
    public record Policy(Set<String> supportedExtensions, Set<String> uriSchemes, Set<String> offerBodyTypes,
                         String answerBodyType, boolean forwards) {

        public static final Policy DEFAULT = new Policy(Set.of(), Set.of("sip", "sips"),
                Set.of("application/sdp", "multipart/mixed", "multipart/alternative"), "application/sdp", true);

        public Policy {
            supportedExtensions = lower(supportedExtensions);
            uriSchemes = lower(uriSchemes);
            offerBodyTypes = lower(offerBodyTypes);
            answerBodyType = answerBodyType.toLowerCase(Locale.ROOT);
        }

        public Policy withSupportedExtensions(Set<String> tags) {
            return new Policy(tags, uriSchemes, offerBodyTypes, answerBodyType, forwards);
        }

        private static Set<String> lower(Set<String> s) {
            Set<String> out = new HashSet<>();
            for (String v : s) out.add(v.toLowerCase(Locale.ROOT));
            return Set.copyOf(out);
        }
    }

    /** {@link #check(SipRequest, Policy)} with the default policy and these option tags. */
    public static Optional<Rejection> check(SipRequest request, Set<String> supportedExtensions) {
        return check(request, Policy.DEFAULT.withSupportedExtensions(supportedExtensions));
    }

    /**
     * The first rejection that applies, in RFC 3261 §8.2 order: malformed values (400), the
     * Request-URI scheme (416), the REGISTER address-of-record (400), hops (483), option tags
     * (420), the body type (415) and what the caller accepts (406).
     */
    public static Optional<Rejection> check(SipRequest request, Policy policy) {
        if (request.isMethod(Methods.ACK)) return Optional.empty();
        Optional<Rejection> r = values(request);
        if (r.isEmpty()) r = target(request, policy);
        if (r.isEmpty()) r = extensions(request, policy);
        if (r.isEmpty()) r = bodies(request, policy);
        return r;
    }

    /** Max-Forwards a number up to 255 (§20.22, RFC 4475 §3.1.2.4); a branch that is more than the cookie (§3.2.1). */
    private static Optional<Rejection> values(SipRequest request) {
        Optional<String> mf = request.header(HeaderNames.MAX_FORWARDS);
        if (mf.isPresent() && (!Syntax.isDigits(mf.get(), 9) || Integer.parseInt(mf.get()) > 255)) {
            return reject(400, "Bad Max-Forwards");
        }
        Via top = request.headers().topVia();
        if (top == null) return reject(400, "Missing Via");
        if (top.branch().map(Via.MAGIC_COOKIE::equals).orElse(false)) return reject(400, "Bad Branch");
        return Optional.empty();
    }

    /**
     * §8.2.2.1: a scheme we do not serve; §19.1.1: no headers in a Request-URI (RFC 4475
     * §3.1.2.11); §10.3 step 3: the To of a REGISTER is a SIP or SIPS address-of-record
     * (§3.3.4); §16.3 step 3: no hops left, for an element that forwards (§3.3.11).
     */
    private static Optional<Rejection> target(SipRequest request, Policy policy) {
        Optional<SipUri> sip = request.sipUri();
        String scheme;
        if (sip.isPresent()) {
            scheme = sip.get().scheme(); // lower case already
        } else {
            String uri = request.uri();
            int colon = uri.indexOf(':');
            scheme = colon > 0 ? uri.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        }
        if (!policy.uriSchemes().contains(scheme)) return reject(416, "Unsupported URI Scheme");
        if (sip.isPresent() && sip.get().headers() != null) return reject(400, "Headers Not Allowed In Request-URI");
        if (request.isMethod(Methods.REGISTER) && request.toAddress().flatMap(NameAddr::sipUri).isEmpty()) {
            return reject(400, "To Is Not A SIP URI");
        }
        if (policy.forwards() && request.header(HeaderNames.MAX_FORWARDS).map(v -> Integer.parseInt(v) == 0).orElse(false)) {
            return reject(483, "Too Many Hops");
        }
        return Optional.empty();
    }

    /** §8.2.2.3: option tags in Require we do not support. CANCEL carries none (§9.1) and is never refused for one. */
    private static Optional<Rejection> extensions(SipRequest request, Policy policy) {
        if (request.isMethod(Methods.CANCEL)) return Optional.empty();
        List<HeaderField> unsupported = new ArrayList<>();
        for (String tag : request.headers().all(HeaderNames.REQUIRE)) {
            if (!tag.isEmpty() && !policy.supportedExtensions().contains(tag.toLowerCase(Locale.ROOT))) {
                unsupported.add(new HeaderField(HeaderNames.UNSUPPORTED, tag));
            }
        }
        if (unsupported.isEmpty()) return Optional.empty();
        return Optional.of(new Rejection(420, "Bad Extension", Headers.of(unsupported)));
    }

    /**
     * §20.15: a body needs a Content-Type; §8.2.3: an offer must be of a type we understand
     * (RFC 4475 §3.3.6), and an INVITE's Accept must admit our answer type (§3.3.15).
     */
    private static Optional<Rejection> bodies(SipRequest request, Policy policy) {
        if (request.bodyLength() > 0) {
            Optional<String> type = request.contentType().map(RequestChecks::mediaType);
            if (type.isEmpty()) return reject(400, "Missing Content-Type");
            if (carriesOffer(request) && !policy.offerBodyTypes().contains(type.get())) {
                List<HeaderField> accept = new ArrayList<>();
                for (String t : policy.offerBodyTypes()) accept.add(new HeaderField(HeaderNames.ACCEPT, t));
                accept.sort(Comparator.comparing(HeaderField::value));
                return Optional.of(new Rejection(415, "Unsupported Media Type", Headers.of(accept)));
            }
        }
        List<String> accept = request.headers().all(HeaderNames.ACCEPT);
        if (request.isMethod(Methods.INVITE) && !accept.isEmpty() && !accepts(accept, policy.answerBodyType())) {
            Headers warning = Headers.of(List.of(new HeaderField(HeaderNames.WARNING,
                    "399 switchboard \"Answers are only available as " + policy.answerBodyType() + "\"")));
            return Optional.of(new Rejection(406, "Not Acceptable", warning));
        }
        return Optional.empty();
    }

    private static boolean carriesOffer(SipRequest r) {
        return r.isMethod(Methods.INVITE) || r.isMethod(Methods.UPDATE) || r.isMethod(Methods.PRACK);
    }

    /** {@code type/subtype} lowercased, parameters dropped. */
    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        String t = semi >= 0 ? contentType.substring(0, semi) : contentType;
        return Syntax.trimLws(t).toLowerCase(Locale.ROOT);
    }

    /**
     * True when some Accept element admits {@code type} (lower case {@code type/subtype}) with a
     * non-zero q (RFC 3261 §20.1); an Accept with only empty elements admits anything. Event
     * packages use it for the body types a subscriber takes (RFC 6665 §4.2.1.1).
     */
    public static boolean accepts(List<String> acceptElements, String type) {
        String major = type.substring(0, type.indexOf('/') + 1) + "*";
        boolean emptyOnly = true;
        for (String e : acceptElements) {
            if (e.isEmpty()) continue;
            emptyOnly = false;
            String range = mediaType(e);
            if (!(range.equals(type) || range.equals(major) || range.equals("*/*"))) continue;
            int semi = e.indexOf(';');
            Params params = semi >= 0 ? Params.parseGeneric(e, semi) : Params.empty();
            String q = params == null ? null : params.get("q").orElse(null);
            if (q == null || !isZeroQ(q)) return true;
        }
        // an empty Accept means no body at all; an INVITE still gets an answer in the 2xx or ACK
        return emptyOnly;
    }

    /** {@code qvalue} zero: {@code 0}, {@code 0.}, {@code 0.0} ... {@code 0.000}. */
    private static boolean isZeroQ(String q) {
        if (q.isEmpty() || q.charAt(0) != '0' || q.length() > 5) return false;
        if (q.length() == 1) return true;
        if (q.charAt(1) != '.') return false;
        for (int i = 2; i < q.length(); i++) if (q.charAt(i) != '0') return false;
        return true;
    }

    private static Optional<Rejection> reject(int status, String reason) {
        return Optional.of(new Rejection(status, reason, Headers.empty()));
    }
}
