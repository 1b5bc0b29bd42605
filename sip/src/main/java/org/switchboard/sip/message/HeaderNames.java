package org.switchboard.sip.message;

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
    public static final String DATE = "Date";
    public static final String RETRY_AFTER = "Retry-After";

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("v", VIA), Map.entry("via", VIA),
            Map.entry("f", FROM), Map.entry("from", FROM),
            Map.entry("t", TO), Map.entry("to", TO),
            Map.entry("i", CALL_ID), Map.entry("call-id", CALL_ID),
            Map.entry("cseq", CSEQ),
            Map.entry("m", CONTACT), Map.entry("contact", CONTACT),
            Map.entry("max-forwards", MAX_FORWARDS),
            Map.entry("l", CONTENT_LENGTH), Map.entry("content-length", CONTENT_LENGTH),
            Map.entry("c", CONTENT_TYPE), Map.entry("content-type", CONTENT_TYPE),
            Map.entry("e", "Content-Encoding"), Map.entry("content-encoding", "Content-Encoding"),
            Map.entry("s", "Subject"), Map.entry("subject", "Subject"),
            Map.entry("k", SUPPORTED), Map.entry("supported", SUPPORTED),
            Map.entry("o", "Event"), Map.entry("event", "Event"),
            Map.entry("u", "Allow-Events"), Map.entry("allow-events", "Allow-Events"),
            Map.entry("r", "Refer-To"), Map.entry("refer-to", "Refer-To"),
            Map.entry("b", "Referred-By"), Map.entry("referred-by", "Referred-By"),
            Map.entry("x", "Session-Expires"), Map.entry("session-expires", "Session-Expires"),
            Map.entry("a", "Accept-Contact"), Map.entry("j", "Reject-Contact"),
            Map.entry("d", "Request-Disposition"), Map.entry("y", "Identity"),
            Map.entry("expires", EXPIRES), Map.entry("min-expires", MIN_EXPIRES),
            Map.entry("route", ROUTE), Map.entry("record-route", RECORD_ROUTE),
            Map.entry("authorization", AUTHORIZATION),
            Map.entry("proxy-authorization", PROXY_AUTHORIZATION),
            Map.entry("www-authenticate", WWW_AUTHENTICATE),
            Map.entry("proxy-authenticate", PROXY_AUTHENTICATE),
            Map.entry("authentication-info", AUTHENTICATION_INFO),
            Map.entry("allow", ALLOW), Map.entry("require", REQUIRE),
            Map.entry("proxy-require", PROXY_REQUIRE), Map.entry("unsupported", UNSUPPORTED),
            Map.entry("user-agent", USER_AGENT), Map.entry("server", SERVER),
            Map.entry("accept", ACCEPT), Map.entry("date", DATE),
            Map.entry("retry-after", RETRY_AFTER), Map.entry("www-authenticate ", WWW_AUTHENTICATE));

    /**
     * Headers whose value is a comma-separated list (RFC 3261 §7.3.1): the parser splits them
     * into one field per element. Authorization-style headers are not lists (their commas
     * separate parameters), nor are Date, Retry-After or the name-addr headers From and To.
     */
    public static final Set<String> LIST_VALUED = Set.of(VIA, CONTACT, ROUTE, RECORD_ROUTE, ALLOW,
            SUPPORTED, REQUIRE, PROXY_REQUIRE, UNSUPPORTED, ACCEPT, "Allow-Events", "Accept-Encoding",
            "Accept-Language", "Content-Encoding", "Content-Language", "In-Reply-To", "Path",
            "Service-Route", "P-Asserted-Identity", "Security-Client", "Security-Server", "Security-Verify");

    /** The canonical spelling of a header name: compact forms expanded, known names in their RFC case. */
    public static String canonical(String name) {
        String c = CANONICAL.get(name.toLowerCase(Locale.ROOT));
        return c != null ? c : name;
    }

    public static boolean isListValued(String canonicalName) {
        return LIST_VALUED.contains(canonicalName);
    }
}
