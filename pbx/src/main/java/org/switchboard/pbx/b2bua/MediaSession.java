package org.switchboard.pbx.b2bua;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaEndpoints;
import org.switchboard.sip.sdp.AnchorPlan;
import org.switchboard.sip.sdp.Anchoring;
import org.switchboard.sip.sdp.AnswerMatch;
import org.switchboard.sip.sdp.AnswerMatcher;
import org.switchboard.sip.sdp.Attribute;
import org.switchboard.sip.sdp.CodecFilter;
import org.switchboard.sip.sdp.CodecFilterResult;
import org.switchboard.sip.sdp.Connection;
import org.switchboard.sip.sdp.Direction;
import org.switchboard.sip.sdp.MediaAnchor;
import org.switchboard.sip.sdp.MediaDescription;
import org.switchboard.sip.sdp.SdpOriginator;
import org.switchboard.sip.sdp.SdpParseResult;
import org.switchboard.sip.sdp.SdpParser;
import org.switchboard.sip.sdp.SessionDescription;

/**
 * The anchored media of one call: an endpoint of the relay per side, the SDP origin we use
 * towards each phone, and the last offer we sent each side (to match its answer against).
 * Every offer or answer from one side is parsed, checked, rewritten to point at our endpoint
 * of the other side, and stamped with our origin for that side (RFC 3264 §8: o= version rises
 * only when the description changes). The first active audio stream is anchored; other streams
 * (video until the video issue) are refused with port 0.
 *
 * <p>Not thread-safe: used on the call's shard only.
 */
final class MediaSession {
    private final MediaEndpoints endpoints;
    private final Map<Side, MediaEndpoint> endpoint = new EnumMap<>(Side.class);
    private final Map<Side, SdpOriginator> originator = new EnumMap<>(Side.class);
    private final Map<Side, SessionDescription> offerSent = new EnumMap<>(Side.class);
    private final Map<Side, SessionDescription> lastFrom = new EnumMap<>(Side.class);
    private final Map<Side, Connection> address = new EnumMap<>(Side.class);
    private final Map<Side, SessionDescription> lastSent = new EnumMap<>(Side.class);
    private boolean bridged;

    MediaSession(MediaEndpoints endpoints, MediaEndpoint caller, String callerHost, MediaEndpoint callee,
                 String calleeHost, long sessionId) {
        this.endpoints = endpoints;
        endpoint.put(Side.CALLER, caller);
        endpoint.put(Side.CALLEE, callee);
        address.put(Side.CALLER, Connection.of(callerHost));
        address.put(Side.CALLEE, Connection.of(calleeHost));
        originator.put(Side.CALLER, SdpOriginator.create(sessionId, 1, address.get(Side.CALLER)));
        originator.put(Side.CALLEE, SdpOriginator.create(sessionId + 1, 1, address.get(Side.CALLEE)));
    }

    /** Parses a body, refusing a broken one with 400. */
    static Optional<SessionDescription> parse(byte[] body) {
        return SdpParser.parse(body) instanceof SdpParseResult.Parsed p ? Optional.of(p.description()) : Optional.empty();
    }

    /** An offer from {@code from}: filtered to our codecs, anchored for the other side. */
    SdpStep offer(Side from, byte[] body) {
        SessionDescription offer = parse(body).orElse(null);
        if (offer == null) return new SdpStep.Refuse(400, "Bad Session Description", null);
        CodecFilterResult filtered = CodecFilter.DEFAULT.filter(offer);
        if (filtered instanceof CodecFilterResult.NoCommonCodec none) {
            return new SdpStep.Refuse(488, "Not Acceptable Here",
                    "305 switchboard \"Incompatible media format: offered " + none.offered() + "\"");
        }
        SessionDescription usable = ((CodecFilterResult.Filtered) filtered).offer();
        if (anchoredIndex(usable) < 0) {
            return new SdpStep.Refuse(488, "Not Acceptable Here", "304 switchboard \"No usable audio stream\"");
        }
        learn(from, usable);
        Side to = from.other();
        SdpOriginator.Stamped stamped = originator.get(to).stamp(Anchoring.rewrite(usable, plan(to, usable)));
        originator.put(to, stamped.originator());
        offerSent.put(to, stamped.description());
        lastSent.put(to, stamped.description());
        return new SdpStep.Forward(stamped.description().toBytes());
    }

    /** The answer {@code from} gave to the offer we sent it: matched, anchored for the other side. */
    SdpStep answer(Side from, byte[] body) {
        SessionDescription offered = offerSent.get(from);
        SessionDescription answer = parse(body).orElse(null);
        if (offered == null || answer == null) return new SdpStep.Refuse(400, "Bad Session Description", null);
        if (!(AnswerMatcher.match(offered, answer) instanceof AnswerMatch.Accepted accepted)) {
            return new SdpStep.Refuse(488, "Not Acceptable Here", "304 switchboard \"Answer does not match the offer\"");
        }
        learn(from, accepted.answer());
        Side to = from.other();
        SdpOriginator.Stamped stamped = originator.get(to).stamp(Anchoring.rewrite(accepted.answer(),
                plan(to, accepted.answer())));
        originator.put(to, stamped.originator());
        lastSent.put(to, stamped.description());
        return new SdpStep.Forward(stamped.description().toBytes());
    }

    /** The last description we sent {@code side}, for a session refresh that changes nothing; empty if none. */
    byte[] lastSent(Side side) {
        SessionDescription d = lastSent.get(side);
        return d == null ? new byte[0] : d.toBytes();
    }

    /** Relays packets between the two sides (idempotent); false when an endpoint is closed. */
    boolean bridge() {
        if (bridged) return true;
        bridged = endpoints.bridge(endpoint.get(Side.CALLER), endpoint.get(Side.CALLEE));
        return bridged;
    }

    /** The RTP port of one side's endpoint, for the live call view. */
    int port(Side side) { return endpoint.get(side).ports().rtp(); }

    /** Closes both endpoints (ports go back to the pool). Idempotent. */
    void close() {
        for (MediaEndpoint e : endpoint.values()) e.close();
    }

    /** Tells the endpoint of {@code side} where its phone sends from, and pauses timeouts while held. */
    private void learn(Side side, SessionDescription sdp) {
        lastFrom.put(side, sdp);
        int i = anchoredIndex(sdp);
        if (i >= 0) {
            MediaDescription m = sdp.media().get(i);
            remote(sdp, m).ifPresent(rtp -> endpoint.get(side).expectRemote(rtp, rtcp(sdp, m, rtp)));
        }
        boolean held = false;
        for (SessionDescription d : lastFrom.values()) {
            int k = anchoredIndex(d);
            if (k >= 0 && d.direction(d.media().get(k)) != Direction.SENDRECV) held = true;
        }
        for (MediaEndpoint e : endpoint.values()) e.suspendTimeout(held);
    }

    /** One anchor per m-line: ours for the anchored stream, none (port 0) for the others. */
    private AnchorPlan plan(Side to, SessionDescription sdp) {
        int anchored = anchoredIndex(sdp);
        List<MediaAnchor> anchors = new ArrayList<>(sdp.media().size());
        MediaEndpoint e = endpoint.get(to);
        for (int i = 0; i < sdp.media().size(); i++) {
            anchors.add(i == anchored ? new MediaAnchor(e.ports().rtp(), e.ports().rtcp()) : MediaAnchor.NONE);
        }
        return AnchorPlan.of(address.get(to), anchors);
    }

    /** The first audio RTP stream that is not rejected, or -1. */
    static int anchoredIndex(SessionDescription sdp) {
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaDescription m = sdp.media().get(i);
            if (m.media().equals("audio") && m.isRtp() && !m.isRejected()) return i;
        }
        return -1;
    }

    private static Optional<InetSocketAddress> remote(SessionDescription sdp, MediaDescription m) {
        return sdp.connection(m).flatMap(c -> literal(c.host())).map(a -> new InetSocketAddress(a, m.port()));
    }

    private static InetSocketAddress rtcp(SessionDescription sdp, MediaDescription m, InetSocketAddress rtp) {
        Optional<Attribute> a = m.attribute("rtcp");
        if (a.isEmpty() || a.get().value() == null) return null;
        String[] parts = a.get().value().trim().split("\\s+");
        try {
            int port = Integer.parseInt(parts[0]);
            if (port <= 0 || port > 65535) return null;
            InetAddress host = parts.length >= 4 ? literal(parts[3]).orElse(rtp.getAddress()) : rtp.getAddress();
            return new InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An IP literal without any name lookup (a name in SDP is not resolved on a shard). */
    private static Optional<InetAddress> literal(String host) {
        try {
            return Optional.of(InetAddress.ofLiteral(host));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
