package org.switchboard.sip.transaction;

import java.util.Locale;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.Via;

/**
 * Matches a request to a server transaction (RFC 3261 §17.2.3): top Via branch, sent-by and
 * method, where ACK counts as INVITE (the ACK to a non-2xx carries the INVITE's branch) and
 * CANCEL keeps its own method (a CANCEL is a transaction of its own).
 *
 * <p>RFC 2543 peers send no {@code z9hG4bK} branch. For them the branch part of the key is
 * built from the Call-ID, CSeq number, From tag, Request-URI and whatever branch was sent,
 * which is the §17.2.3 fallback without the To tag (so that the ACK to a non-2xx, which
 * carries the To tag of our response, still matches its INVITE).
 */
record ServerKey(String branch, String host, int port, String method) {

    static ServerKey of(SipRequest request, Via topVia) {
        String method = request.method();
        if (method.equals("ACK")) method = "INVITE";
        String branch = topVia.branch().orElse("");
        if (!branch.regionMatches(true, 0, Via.MAGIC_COOKIE, 0, Via.MAGIC_COOKIE.length())) {
            branch = "2543;" + branch + ";" + request.callId() + ";" + request.cseq().number() + ";"
                    + request.from().tag().orElse("") + ";" + request.uri();
        }
        return new ServerKey(branch, topVia.host().toLowerCase(Locale.ROOT), topVia.port(), method);
    }

    /** The key of the INVITE transaction that a CANCEL with this key targets (§9.2). */
    ServerKey inviteKey() { return new ServerKey(branch, host, port, "INVITE"); }
}
