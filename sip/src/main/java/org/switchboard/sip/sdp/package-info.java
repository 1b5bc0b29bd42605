/**
 * Session descriptions (SDP, RFC 8866) and the offer/answer steps (RFC 3264) of a B2BUA
 * that anchors media: an immutable model, a parser that turns bad input into a reason and
 * a printer, a codec view of RTP streams (RFC 3551 static payload types), and the helpers
 * the call logic applies in order.
 *
 * <pre>
 *   offer from leg A --SdpParser.parse--&gt; SessionDescription     (Failed: 400/488)
 *     --CodecFilter.filter--&gt; offer with supported codecs    (NoCommonCodec: 488)
 *     --CodecWidening.widen--&gt; plus codecs the server transcodes to, after A's own
 *     --Anchoring.rewrite(plan for leg B)--&gt; SdpOriginator(B).stamp --&gt; offer to leg B
 *   answer from leg B --SdpParser.parse--&gt; AnswerMatcher.match(offer to B, answer)
 *     (Invalid: ACK and BYE)  Accepted: common codecs per stream, cleaned answer
 *     --Anchoring.rewrite(plan for leg A)--&gt; SdpOriginator(A).stamp --&gt; answer to leg A
 * </pre>
 *
 * SDES keys for SRTP (RFC 4568): {@link org.switchboard.sip.sdp.CryptoAttribute} reads and writes
 * {@code a=crypto} lines (bad ones are skipped with a reason), {@link org.switchboard.sip.sdp.RtpProfile}
 * names the plain and secure RTP profiles; the call logic decides per leg which to use.
 *
 * <p>Written by hand: the Java SDP libraries (JAIN-SDP of JAIN-SIP, its forks) are mutable,
 * throw on bad input and are unmaintained, and the offer/answer rules of a B2BUA that
 * relays packets untouched, or transcodes when the phones share no codec, are specific to it. Limits are in {@link org.switchboard.sip.sdp.SdpParser}.
 */
package org.switchboard.sip.sdp;
