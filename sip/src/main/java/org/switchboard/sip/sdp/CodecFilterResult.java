package org.switchboard.sip.sdp;

import java.util.List;

/** What {@link CodecFilter#filter(SessionDescription)} leaves of an offer. */
public sealed interface CodecFilterResult {

    /** The offer to forward: supported formats only, unusable streams disabled with port 0. */
    record Filtered(SessionDescription offer) implements CodecFilterResult { }

    /**
     * Nothing the server can relay or transcode remains: answer 488 Not Acceptable Here
     * (RFC 3264 §6, RFC 3261 §21.4.26).
     *
     * @param offered the codecs the offer had on its active RTP streams, for the log and a Warning header
     */
    record NoCommonCodec(List<Codec> offered) implements CodecFilterResult {
        public NoCommonCodec {
            offered = List.copyOf(offered);
        }
    }
}
