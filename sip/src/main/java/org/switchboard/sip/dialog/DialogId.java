package org.switchboard.sip.dialog;

import java.util.Objects;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * Identifies a dialog (RFC 3261 §12): Call-ID plus local and remote tag, seen from our side.
 * Tags compare case-sensitively, as the RFC's token comparison does for Call-ID.
 */
public record DialogId(String callId, String localTag, String remoteTag) {

    public DialogId {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
    }

    /** The dialog an incoming request belongs to, as UAS: local = To tag, remote = From tag (§12.2.2). */
    public static DialogId ofIncoming(SipRequest request) {
        return new DialogId(request.callId(), request.to().tag().orElse(""), request.from().tag().orElse(""));
    }

    /** The dialog a response to our request belongs to, as UAC: local = From tag, remote = To tag (§12.1.2). */
    public static DialogId ofResponse(SipResponse response) {
        return new DialogId(response.callId(), response.from().tag().orElse(""), response.to().tag().orElse(""));
    }
}
