package org.switchboard.sip.sdp;

/**
 * The originator line, {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype>
 * <unicast-address>} (RFC 8866 §5.2). Session id and version are kept as the peer wrote
 * them: RFC 3264 §8 only asks that a changed description carry a higher version, and a
 * B2BUA compares versions for equality, never does arithmetic on a peer's.
 * Our own origins come from {@link SdpOriginator}.
 */
public record Origin(String username, String sessionId, String sessionVersion,
                     String netType, String addrType, String address) {

    public Origin {
        SdpSyntax.requireWord(username, "origin username");
        SdpSyntax.requireWord(sessionId, "session id");
        SdpSyntax.requireWord(sessionVersion, "session version");
        SdpSyntax.requireToken(netType, "net type");
        SdpSyntax.requireToken(addrType, "address type");
        SdpSyntax.requireWord(address, "origin address");
    }

    public Origin withSessionVersion(String version) {
        return new Origin(username, sessionId, version, netType, addrType, address);
    }

    /** The text after {@code o=}. */
    public String text() {
        return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addrType + " " + address;
    }

    @Override
    public String toString() { return "o=" + text(); }
}
