package org.switchboard.sip.message;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Canonical header names, compact forms (RFC 3261 §7.3.3 and extensions) and list-valued headers. */
public final class HeaderNames {
    private HeaderNames() { }

    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String CONTACT = "Contact";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String EXPIRES = "Expires";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String AUTHORIZATION = "Authorization";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String AUTHENTICATION_INFO = "Authentication-Info";
    public static final String ALLOW = "Allow";
    public static final String SUPPORTED = "Supported";
    public static final String REQUIRE = "Require";
    public static final String PROXY_REQUIRE = "Proxy-Require";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String USER_AGENT = "User-Agent";
    public static final String SERVER = "Server";
    public static final String ACCEPT = "Accept";
    public static final String ACCEPT_ENCODING = "Accept-Encoding";
    public static final String DATE = "Date";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String WARNING = "Warning";
    public static final String SUBJECT = "Subject";
    public static final String EVENT = "Event";
    public static final String ALLOW_EVENTS = "Allow-Events";
    public static final String SUBSCRIPTION_STATE = "Subscription-State";
    public static final String REFER_TO = "Refer-To";
    public static final String REFERRED_BY = "Referred-By";
    public static final String SESSION_EXPIRES = "Session-Expires";
    public static final String MIN_SE = "Min-SE";
    public static final String RSEQ = "RSeq";
    public static final String RACK = "RAck";
    public static final String PATH = "Path";
    public static final String REASON = "Reason";
    public static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";

    /** Lower-case spelling (and compact form) to canonical spelling. */
    private static final Map<String, String> BY_LOWER = new HashMap<>();
    /**
     * The canonical spellings, open-addressed by {@code String.hashCode}: the usual case,
     * found without allocating, even inside the line the parser reads (no substring first).
     */
    private static final String[] SPELLINGS = new String[256];

    static {
        for (String name : new String[] {VIA, FROM, TO, CALL_ID, CSEQ, CONTACT, MAX_FORWARDS, CONTENT_LENGTH,
                CONTENT_TYPE, CONTENT_ENCODING, EXPIRES, MIN_EXPIRES, ROUTE, RECORD_ROUTE, AUTHORIZATION,
                PROXY_AUTHORIZATION, WWW_AUTHENTICATE, PROXY_AUTHENTICATE, AUTHENTICATION_INFO, ALLOW, SUPPORTED,
                REQUIRE, PROXY_REQUIRE, UNSUPPORTED, USER_AGENT, SERVER, ACCEPT, ACCEPT_ENCODING, DATE, RETRY_AFTER,
                WARNING, SUBJECT, EVENT, ALLOW_EVENTS, SUBSCRIPTION_STATE, REFER_TO, REFERRED_BY, SESSION_EXPIRES,
                MIN_SE, RSEQ, RACK, PATH, REASON, P_ASSERTED_IDENTITY, "Accept-Language", "Alert-Info", "Call-Info",
                "Content-Disposition", "Content-Language", "Error-Info", "In-Reply-To", "MIME-Version", "Organization",
                "Priority", "Reply-To", "Timestamp", "Service-Route", "P-Preferred-Identity", "Privacy",
                "Replaces", "Identity", "Identity-Info", "Accept-Contact", "Reject-Contact", "Request-Disposition",
                "Security-Client", "Security-Server", "Security-Verify", "SIP-ETag", "SIP-If-Match", "History-Info",
                "Diversion", "Target-Dialog", "Refer-Sub", "Content-Transfer-Encoding"}) {
            int i = name.hashCode() & (SPELLINGS.length - 1);
            while (SPELLINGS[i] != null) i = (i + 1) & (SPELLINGS.length - 1);
            SPELLINGS[i] = name;
            BY_LOWER.put(name.toLowerCase(Locale.ROOT), name);
        }
        String[][] compact = {{"v", VIA}, {"f", FROM}, {"t", TO}, {"i", CALL_ID}, {"m", CONTACT},
                {"l", CONTENT_LENGTH}, {"c", CONTENT_TYPE}, {"e", CONTENT_ENCODING}, {"s", SUBJECT},
                {"k", SUPPORTED}, {"o", EVENT}, {"u", ALLOW_EVENTS}, {"r", REFER_TO}, {"b", REFERRED_BY},
                {"x", SESSION_EXPIRES}, {"a", "Accept-Contact"}, {"j", "Reject-Contact"},
                {"d", "Request-Disposition"}, {"y", "Identity"}, {"n", "Identity-Info"}};
        for (String[] c : compact) BY_LOWER.put(c[0], c[1]);
    }

    /**
     * Headers whose value is a comma-separated list (RFC 3261 §7.3.1): the parser splits them
     * into one field per element. Authorization-style headers are not lists (their commas
     * separate parameters), nor are Date, Retry-After or the name-addr headers From and To.
     */
    public static final Set<String> LIST_VALUED = Set.of(VIA, CONTACT, ROUTE, RECORD_ROUTE, ALLOW,
            SUPPORTED, REQUIRE, PROXY_REQUIRE, UNSUPPORTED, ACCEPT, ACCEPT_ENCODING, ALLOW_EVENTS, PATH, REASON,
            WARNING, P_ASSERTED_IDENTITY, CONTENT_ENCODING, "Accept-Language", "Content-Language", "In-Reply-To",
            "Service-Route", "Alert-Info", "Call-Info", "Error-Info", "P-Preferred-Identity", "History-Info",
            "Diversion", "Accept-Contact", "Reject-Contact", "Request-Disposition",
            "Security-Client", "Security-Server", "Security-Verify");

    /**
     * Headers that may appear at most once (RFC 3261 §7.3.1, §20): a second one makes a
     * request malformed (RFC 4475 §3.3.8, §3.3.9).
     */
    public static final Set<String> SINGLE_VALUED = Set.of(FROM, TO, CALL_ID, CSEQ, MAX_FORWARDS,
            CONTENT_LENGTH, CONTENT_TYPE);

    /** The canonical spelling of a header name: compact forms expanded, known names in their RFC case. */
    public static String canonical(String name) {
        String c = spelling(name);
        if (c != null) return c;
        c = BY_LOWER.get(name.toLowerCase(Locale.ROOT));
        return c != null ? c : name;
    }

    /** {@code name} itself when it is a known name spelled canonically (so a token), else null. */
    static String canonicalSpellingOrNull(String name) {
        return spelling(name);
    }

    /** The canonical spelling equal to {@code name}, or null; an identity hit for the constants above. */
    private static String spelling(String name) {
        for (int i = name.hashCode() & (SPELLINGS.length - 1); ; i = (i + 1) & (SPELLINGS.length - 1)) {
            String s = SPELLINGS[i];
            if (s == null) return null;
            if (s == name || s.equals(name)) return s;
        }
    }

    /**
     * As {@link #canonicalSpellingOrNull(String)} for {@code text.substring(from, to)},
     * without allocating: the known name, or null.
     */
    static String canonicalSpellingOrNull(String text, int from, int to) {
        int len = to - from;
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + text.charAt(i);
        for (int i = h & (SPELLINGS.length - 1); ; i = (i + 1) & (SPELLINGS.length - 1)) {
            String s = SPELLINGS[i];
            if (s == null) return null;
            if (s.length() == len && text.startsWith(s, from)) return s;
        }
    }

    public static boolean isListValued(String canonicalName) {
        return LIST_VALUED.contains(canonicalName);
    }
}
