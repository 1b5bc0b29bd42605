package org.switchboard.pbx.registrar;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.extension.SipSecret;
import org.switchboard.pbx.security.AuthFailureGuard;
import org.switchboard.pbx.security.SecurityLog;
import org.switchboard.sip.auth.AuthResult;
import org.switchboard.sip.auth.ChallengeKind;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.auth.FailureReason;
import org.switchboard.sip.auth.PasswordLookup;
import org.switchboard.sip.message.CSeq;
import org.switchboard.sip.message.HeaderField;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.NameAddr;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.Flow;

/**
 * The registrar (RFC 3261 §10.3): turns one REGISTER into a response, or into silence for a
 * blocked source. Thread-safe; logic only, with the location service, credentials,
 * authenticator, failure guard and security log injected.
 *
 * <p>Steps, in RFC order: (1) the Request-URI must name a domain we serve (a configured
 * domain, or the local IP the request arrived on), else 404 as §21.4.5 defines it; the To
 * address-of-record likewise. (2) {@code Require} is checked by the caller. (3-5) digest
 * authentication: 401 with one challenge per algorithm; an unknown user and a wrong password
 * get the very same answer (only the nonce differs) and each failure is logged and counted
 * per source address. A correct password for another extension's AOR gets 403. (6-8) the
 * contacts: {@code Contact: *} only with {@code Expires: 0} (else 400); expiry from the
 * contact's {@code expires} parameter, else the Expires header, else the default; 1 to
 * min-1 seconds get 423 with Min-Expires, above the maximum is cut down; a Call-ID/CSeq not
 * newer than the stored one gets 500 and changes nothing. The 200 lists every current
 * contact with its remaining expiry, and a Date header.
 *
 * <p>Blocking: {@link #handle} never blocks except inside the credentials function, which a
 * {@link CredentialCache} answers from memory; a cache miss reads the database, so call
 * {@code handle} from a virtual thread, never from a network event loop.
 */
public final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

    private static final RegistrarOutcome DROP = new RegistrarOutcome.Drop();
    /** Longest User-Agent kept per binding. */
    static final int MAX_USER_AGENT = 200;
    private static final long MAX_DELTA_SECONDS = 4_294_967_295L;

    private final RegistrarSettings settings;
    private final Location location;
    private final PasswordLookup passwords;
    private final DigestAuthenticator authenticator;
    private final AuthFailureGuard guard;
    private final SecurityLog securityLog;
    private final long tagSalt = new SecureRandom().nextLong();
    private final Set<InetAddress> interfaceAddresses;

    /**
     * @param settings      domains, realm, expiry bounds, contacts cap
     * @param location      where bindings live
     * @param credentials   SIP secret of an extension number; wrap the repository in a
     *                      {@link CredentialCache} so a REGISTER rarely reaches the database
     * @param authenticator digest challenges and verification
     * @param guard         failed-authentication counter and block list
     * @param securityLog   one line per failure and per block
     */
    public Registrar(RegistrarSettings settings, Location location, Function<String, Optional<SipSecret>> credentials,
                     DigestAuthenticator authenticator, AuthFailureGuard guard, SecurityLog securityLog) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.location = Objects.requireNonNull(location, "location");
        Objects.requireNonNull(credentials, "credentials");
        this.passwords = user -> credentials.apply(user).map(SipSecret::reveal);
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.securityLog = Objects.requireNonNull(securityLog, "securityLog");
        this.interfaceAddresses = interfaceAddresses();
    }

    /** Handles one REGISTER that arrived on {@code flow} at {@code now}. Never throws. */
    public RegistrarOutcome handle(SipRequest request, Flow flow, Instant now) {
        try {
            return process(request, flow, now);
        } catch (RuntimeException e) {
            LOG.warn("REGISTER from {} failed: {}", flow.remoteText(), e.toString());
            try {
                return reply(request, 500, "Server Internal Error", List.of());
            } catch (RuntimeException unanswerable) {
                return DROP;
            }
        }
    }

    private RegistrarOutcome process(SipRequest request, Flow flow, Instant now) {
        InetAddress source = flow.remote().getAddress();
        if (guard.isBlocked(source, now)) return DROP;
        if (!request.isMethod("REGISTER")) {
            return reply(request, 405, "Method Not Allowed", List.of(new HeaderField(HeaderNames.ALLOW, "REGISTER")));
        }
        SipUri requestUri = request.sipUri().orElse(null);
        if (requestUri == null) return reply(request, 416, "Unsupported URI Scheme", List.of());
        if (!serves(requestUri.host(), flow)) return reply(request, 404, "Not Found", List.of());
        NameAddr to = request.toAddress().orElse(null);
        if (to == null) return reply(request, 400, "Bad To Header", List.of());
        SipUri aorUri = to.sipUri().orElse(null);
        if (aorUri == null || aorUri.user() == null || !serves(aorUri.host(), flow)) {
            return reply(request, 404, "Not Found", List.of());
        }
        String callId = request.header(HeaderNames.CALL_ID).map(String::trim).orElse("");
        CSeq cseq = request.cseqValue().orElse(null);
        if (callId.isEmpty() || cseq == null) return reply(request, 400, "Bad Request", List.of());

        Answer answer = new Answer(request, to.tag().isPresent());
        AuthResult auth = authenticator.verify(request, ChallengeKind.WWW, passwords, settings.realm(), aorUri.user(),
                true, now);
        return switch (auth) {
            case AuthResult.Missing m -> challenge(answer, false, now);
            case AuthResult.Stale s -> challenge(answer, true, now);
            case AuthResult.Failed f -> refuse(answer, flow, source, f, now);
            case AuthResult.Ok ok -> register(answer, flow, ok.username(), callId, cseq.number(), now);
        };
    }

    /** The request being answered, and whether its To already has a tag (parsed once). */
    private record Answer(SipRequest request, boolean toTagged) { }

    private RegistrarOutcome challenge(Answer answer, boolean stale, Instant now) {
        List<String> challenges = authenticator.challenge(settings.realm(), stale, now);
        List<HeaderField> extra = new ArrayList<>(challenges.size());
        for (String c : challenges) extra.add(new HeaderField(HeaderNames.WWW_AUTHENTICATE, c));
        return reply(answer, 401, "Unauthorized", extra);
    }

    private RegistrarOutcome refuse(Answer answer, Flow flow, InetAddress source, AuthResult.Failed f, Instant now) {
        String where = flow.remoteText();
        securityLog.authFailure(where, f.username(), answer.request().method(), f.reason().token(), guard, source, now);
        if (f.reason() == FailureReason.USER_MISMATCH) return reply(answer, 403, "Forbidden", List.of());
        return challenge(answer, false, now);
    }

    private RegistrarOutcome register(Answer answer, Flow flow, String aor, String callId, long cseq, Instant now) {
        SipRequest request = answer.request();
        // parsed once per message; a malformed element is left out of contacts(), so the counts differ
        List<NameAddr> contacts = request.contacts();
        if (contacts.size() != request.headers().count(HeaderNames.CONTACT)) {
            return reply(answer, 400, "Bad Contact", List.of());
        }
        long headerExpires = request.header(HeaderNames.EXPIRES).map(Registrar::deltaSeconds).orElse(-1L);
        boolean removeAll = false;
        Map<String, BindingChanges.Requested> requested = new LinkedHashMap<>();
        int adding = 0;
        for (NameAddr contact : contacts) {
            if (contact.uri().equals("*")) {
                removeAll = true;
                continue;
            }
            if (contact.sipUri().isEmpty()) return reply(answer, 400, "Bad Contact", List.of());
            long expires = contact.param("expires").map(Registrar::deltaSeconds).orElse(-1L);
            if (expires < 0) expires = headerExpires;
            if (expires < 0) expires = settings.defaultExpires();
            if (expires > 0 && expires < settings.minExpires()) {
                return reply(answer, 423, "Interval Too Brief",
                        List.of(new HeaderField(HeaderNames.MIN_EXPIRES, Integer.toString(settings.minExpires()))));
            }
            expires = Math.min(expires, settings.maxExpires());
            requested.remove(contact.uri()); // the last mention of a contact counts
            requested.put(contact.uri(), new BindingChanges.Requested(contact.uri(), expires));
        }
        if (removeAll && (contacts.size() != 1 || headerExpires != 0)) {
            return reply(answer, 400, "Contact * Needs Expires 0 And No Other Contact", List.of());
        }
        for (BindingChanges.Requested r : requested.values()) if (r.expires() > 0) adding++;
        if (adding > settings.maxContactsPerAor()) return reply(answer, 403, "Too Many Contacts", List.of());

        String ua = request.header(HeaderNames.USER_AGENT).orElse("");
        if (ua.length() > MAX_USER_AGENT) ua = ua.substring(0, MAX_USER_AGENT);
        var ctx = new BindingChanges.Context(aor, callId, cseq, flow, ua, now, settings.maxContactsPerAor());
        List<BindingChanges.Requested> list = List.copyOf(requested.values());
        boolean all = removeAll;
        List<Binding> live = location.update(aor, current -> BindingChanges.apply(current, all, list, ctx));
        if (live == null) return reply(answer, 500, "Server Internal Error", List.of());

        List<HeaderField> extra = new ArrayList<>(live.size() + 1);
        for (Binding b : live) {
            long remaining = Math.max(0, Duration.between(now, b.expiresAt()).getSeconds());
            extra.add(new HeaderField(HeaderNames.CONTACT, "<" + b.contactUri() + ">;expires=" + remaining));
        }
        extra.add(new HeaderField(HeaderNames.DATE, SipDate.format(now)));
        return reply(answer, 200, "OK", extra);
    }

    /** A response through {@link SipResponse#to}, for answers given before the To header was read. */
    private RegistrarOutcome reply(SipRequest request, int status, String reason, List<HeaderField> extra) {
        SipResponse base = SipResponse.to(request, status, reason, toTag(request));
        if (extra.isEmpty()) return new RegistrarOutcome.Reply(base);
        List<HeaderField> fields = new ArrayList<>(base.headers().size() + extra.size());
        fields.addAll(base.headers().fields());
        fields.addAll(extra);
        return new RegistrarOutcome.Reply(base.withHeaders(Headers.of(fields)));
    }

    /**
     * The same response as {@link SipResponse#to} builds (RFC 3261 §8.2.6.2: Via, From, To with
     * our tag, Call-ID, CSeq), plus {@code extra}, in one pass over the request's headers: the
     * hot path of a registration storm.
     */
    private RegistrarOutcome reply(Answer answer, int status, String reason, List<HeaderField> extra) {
        SipRequest request = answer.request();
        List<HeaderField> src = request.headers().fields();
        List<HeaderField> fields = new ArrayList<>(8 + extra.size());
        HeaderField from = null;
        HeaderField to = null;
        HeaderField callId = null;
        HeaderField cseq = null;
        for (HeaderField f : src) {
            switch (f.name()) {
                case HeaderNames.VIA -> fields.add(f);
                case HeaderNames.FROM -> from = from == null ? f : from;
                case HeaderNames.TO -> to = to == null ? f : to;
                case HeaderNames.CALL_ID -> callId = callId == null ? f : callId;
                case HeaderNames.CSEQ -> cseq = cseq == null ? f : cseq;
                default -> { }
            }
        }
        // the request's own fields are immutable values: the response shares them
        fields.add(from != null ? from : new HeaderField(HeaderNames.FROM, ""));
        if (answer.toTagged() && to != null) {
            fields.add(to);
        } else {
            // RFC 3261 §20: parameters after a name-addr or an addr-spec are header parameters
            String tag = toTag(callId == null ? "" : callId.value(), from == null ? "" : from.value());
            fields.add(new HeaderField(HeaderNames.TO, (to == null ? "" : to.value()) + ";tag=" + tag));
        }
        fields.add(callId != null ? callId : new HeaderField(HeaderNames.CALL_ID, ""));
        fields.add(cseq != null ? cseq : new HeaderField(HeaderNames.CSEQ, ""));
        fields.addAll(extra);
        return new RegistrarOutcome.Reply(new SipResponse(status, reason, Headers.of(fields), null));
    }

    /**
     * A To tag derived from the request's Call-ID and From header (which holds the From tag)
     * under a per-instance salt: the same request always gets the same tag, so two answers to
     * the same request differ in nothing but the nonce.
     */
    private String toTag(SipRequest request) {
        return toTag(request.header(HeaderNames.CALL_ID).orElse(""), request.header(HeaderNames.FROM).orElse(""));
    }

    private String toTag(String callId, String from) {
        long h = tagSalt ^ ((long) callId.hashCode() << 32 | (from.hashCode() & 0xffffffffL));
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return Long.toHexString(h);
    }

    /** Whether {@code host} (a URI host, IPv6 in brackets) is a domain or address we serve. */
    private boolean serves(String host, Flow flow) {
        String h = host.toLowerCase(Locale.ROOT);
        if (settings.domains().contains(h)) return true;
        String literal = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        if (literal.isEmpty() || !(Character.digit(literal.charAt(0), 16) >= 0 || literal.indexOf(':') >= 0)) return false;
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        InetAddress local = flow.local().getAddress();
        if (address.equals(local)) return true;
        return local != null && local.isAnyLocalAddress() && interfaceAddresses.contains(address);
    }

    /** delta-seconds (RFC 3261 §25.1); -1 when malformed, which §20.19 treats like absent. */
    static long deltaSeconds(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.length() > 12) return -1;
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return -1;
        return Math.min(Long.parseLong(v), MAX_DELTA_SECONDS);
    }

    /** Addresses of this host, for a transport bound to the wildcard address. */
    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> out = new HashSet<>();
        try {
            var interfaces = NetworkInterface.getNetworkInterfaces();
            while (interfaces != null && interfaces.hasMoreElements()) {
                interfaces.nextElement().inetAddresses().forEach(out::add);
            }
        } catch (SocketException e) {
            LOG.warn("cannot list network interfaces: {}", e.toString());
        }
        return Set.copyOf(out);
    }
}
