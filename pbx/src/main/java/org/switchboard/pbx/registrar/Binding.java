package org.switchboard.pbx.registrar;

import java.time.Instant;
import java.util.Objects;
import org.switchboard.sip.transport.Flow;

/**
 * One registered contact of an address-of-record (RFC 3261 §10.3): where to reach one device
 * of an extension, until when, and the flow its REGISTER came on (for NAT traversal and
 * connection reuse). {@code aor} is the extension number.
 */
public record Binding(String aor, String contactUri, Instant expiresAt, String callId, long cseq,
                      Flow flow, String userAgent, Instant registeredAt) {

    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (userAgent == null) userAgent = "";
    }

    /** Identity of a binding: its address-of-record and contact URI. */
    public record Key(String aor, String contactUri) { }

    public Key key() { return new Key(aor, contactUri); }

    public boolean expired(Instant now) { return !now.isBefore(expiresAt); }

    /**
     * True when this binding differs from {@code previous} only as a refresh of the same
     * device does (RFC 3261 §10.2.1): expiry, Call-ID, CSeq and registration time; same
     * address-of-record, contact, flow and User-Agent.
     */
    public boolean isRefreshOf(Binding previous) {
        return previous != null && aor.equals(previous.aor) && contactUri.equals(previous.contactUri)
                && flow.equals(previous.flow) && userAgent.equals(previous.userAgent);
    }
}
