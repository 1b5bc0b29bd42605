package org.switchboard.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a description so that the peer it goes to sends media to the server, which
 * relays it to the other leg (media anchoring): the server's address and ports replace the
 * other leg's, and what only made sense between the two phones goes.
 *
 * <ul>
 * <li>The session-level {@code c=} becomes the plan's address; media-level {@code c=} lines
 *     go, so every stream uses it. Each active stream takes the plan's port for its position
 *     (port count 1); rejected streams and {@link MediaAnchor#NONE} give port 0 (RFC 3264 §6, §8.2).</li>
 * <li>ICE goes (RFC 8839): {@code candidate}, {@code remote-candidates},
 *     {@code end-of-candidates}, {@code ice-ufrag}, {@code ice-pwd}, {@code ice-options},
 *     {@code ice-lite}, {@code ice-mismatch}, {@code ice-pacing}, at both levels: the
 *     candidates are the other phone's addresses, and the server does not do ICE.</li>
 * <li>{@code a=rtcp} (RFC 3605) goes, as it points at the other phone; one naming the
 *     server's RTCP port is added when that is not RTP + 1.</li>
 * <li>Unless the plan keeps crypto: {@code crypto} (RFC 4568), {@code fingerprint}
 *     (RFC 8122), {@code setup} (RFC 4145), {@code tls-id} (RFC 8842).</li>
 * <li>A stream held the RFC 2543 way, with connection address {@code 0.0.0.0}, would lose
 *     its hold with the server's address in place, so its direction says it instead:
 *     sendrecv becomes sendonly, recvonly inactive (RFC 3264 §8.4).</li>
 * </ul>
 * Everything else (codecs, {@code ptime}, {@code rtcp-mux}, {@code ssrc}, direction) passes
 * unchanged. The origin is left to {@link SdpOriginator}.
 */
public final class Anchoring {
    private Anchoring() { }

    static final Set<String> ICE = Set.of("candidate", "remote-candidates", "end-of-candidates", "ice-ufrag",
            "ice-pwd", "ice-options", "ice-lite", "ice-mismatch", "ice-pacing");
    static final Set<String> CRYPTO = Set.of("crypto", "fingerprint", "setup", "tls-id");

    /**
     * @throws IllegalArgumentException when the plan has not one anchor per m-line (a caller's
     *                                  mistake, never the peer's)
     */
    public static SessionDescription rewrite(SessionDescription sdp, AnchorPlan plan) {
        if (plan.media().size() != sdp.media().size()) {
            throw new IllegalArgumentException("plan has " + plan.media().size() + " anchors for "
                    + sdp.media().size() + " media streams");
        }
        List<MediaDescription> media = new ArrayList<>(sdp.media().size());
        for (int i = 0; i < sdp.media().size(); i++) {
            media.add(rewrite(sdp, sdp.media().get(i), plan.media().get(i), plan.keepCrypto()));
        }
        List<Attribute> session = sdp.attributes().stream().filter(a -> !strip(a, plan.keepCrypto())).toList();
        return sdp.withConnection(plan.address()).withAttributes(session).withMedia(media);
    }

    private static MediaDescription rewrite(SessionDescription sdp, MediaDescription m, MediaAnchor anchor, boolean keepCrypto) {
        boolean active = !m.isRejected() && !anchor.isNone();
        boolean blackHoled = active && sdp.connection(m).map(Connection::isUnspecified).orElse(false);
        List<Attribute> attributes = new ArrayList<>(m.attributes().size() + 1);
        for (Attribute a : m.attributes()) {
            if (!strip(a, keepCrypto) && !a.is("rtcp")) attributes.add(a);
        }
        if (active && anchor.needsRtcpAttribute()) attributes.add(Attribute.of("rtcp", String.valueOf(anchor.rtcpPort())));
        MediaDescription out = m.withConnection(null)
                .withFields(m.fields().stream().filter(f -> f.type() != 'c').toList())
                .withAttributes(attributes)
                .withPort(active ? anchor.rtpPort() : 0);
        return blackHoled ? out.withDirection(sdp.direction(m).withoutReceiving()) : out;
    }

    private static boolean strip(Attribute a, boolean keepCrypto) {
        for (String name : ICE) if (a.is(name)) return true;
        if (!keepCrypto) for (String name : CRYPTO) if (a.is(name)) return true;
        return false;
    }
}
