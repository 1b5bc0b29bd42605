package org.switchboard.pbx.b2bua;

import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/** The headers every message of the B2BUA carries, and responses built with them. */
final class Replies {
    private Replies() { }

    /** The methods a call leg accepts (RFC 3261 §20.5). */
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, INFO, REGISTER";
    static final String SDP = "application/sdp";

    /** A response to {@code request} with our To tag, Server header and, when given, extra headers. */
    static SipResponse to(SipRequest request, String toTag, int status, String reason, String server) {
        SipResponse r = SipResponse.to(request, status, reason, toTag);
        return r.withHeaders(r.headers().with(HeaderNames.SERVER, server));
    }

    /** {@code r} plus one header. */
    static SipResponse with(SipResponse r, String name, String value) {
        return value == null ? r : r.withHeaders(r.headers().with(name, value));
    }

    /** {@code r} with an SDP body (or none when {@code body} is empty). */
    static SipResponse withBody(SipResponse r, byte[] body, String contentType) {
        if (body.length == 0) return r;
        Headers h = r.headers().with(HeaderNames.CONTENT_TYPE, contentType);
        return r.withHeaders(h).withBody(body);
    }
}
