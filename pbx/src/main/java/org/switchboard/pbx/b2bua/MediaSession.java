package org.switchboard.pbx.b2bua;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.media.relay.MediaEndpoint;
import org.switchboard.media.relay.MediaEndpoints;
import org.switchboard.media.relay.SrtpKeys;
import org.switchboard.media.relay.SrtpSuite;
import org.switchboard.sip.sdp.AnchorPlan;
import org.switchboard.sip.sdp.Anchoring;
import org.switchboard.sip.sdp.AnswerMatch;
import org.switchboard.sip.sdp.AnswerMatcher;
import org.switchboard.sip.sdp.Attribute;
import org.switchboard.sip.sdp.CodecFilter;
import org.switchboard.sip.sdp.CodecFilterResult;
import org.switchboard.sip.sdp.CodecWidening;
import org.switchboard.sip.sdp.Connection;
import org.switchboard.sip.sdp.CryptoAttribute;
import org.switchboard.sip.sdp.Direction;
import org.switchboard.sip.sdp.InlineKey;
import org.switchboard.sip.sdp.MediaAnchor;
import org.switchboard.sip.sdp.MediaDescription;
import org.switchboard.sip.sdp.RtpFormat;
import org.switchboard.sip.sdp.RtpProfile;
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
 * <p>SRTP is terminated per side ({@link SrtpLeg} holds the rules): a phone's {@code a=crypto}
 * lines never reach the other phone; the anchored stream is carried as plain RTP between the
 * two halves, and each description we send gets the profile and crypto line of the side it goes
 * to. The keys go to that side's endpoint ({@link MediaEndpoint#useSrtp}) as soon as both are
 * known. Whether a side's phone signals over TLS decides whether it may see a key: the caller's
 * is known from the start; the callee's forks may differ, so the first offer is prepared for
 * both kinds ({@link #offerBody}) and the fork whose SDP comes next is named with
 * {@link #signalling}.
 *
 * <p>Phones without a common codec: an offer the server can decode is passed on widened with the
 * server's other codecs ({@link CodecWidening}, the offerer's own first); an answer that picked an
 * added one makes the call {@link #transcoded()}, the offerer answered in its own codec
 * ({@link AnswerPath}), and {@link Transcoding} terminates both endpoints. Each side's
 * {@link #audio} is then its own codec. Every later exchange decides again.
 *
 * <p>Not thread-safe: used on the call's shard only.
 */
final class MediaSession {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Our offer to a side and the SRTP state waiting for its answer; the other side's own offer
     * and the payload types the server added to it ({@link CodecWidening}), to tell a relayed
     * answer from a transcoded one ({@link AnswerPath}).
     */
    private record Pending(SdpOriginator.Stamped stamped, SrtpLeg srtp, Set<Integer> added, SessionDescription original) { }

    private final MediaEndpoints endpoints;
    private final TranscodableCodecs codecs;
    private final Map<Side, MediaEndpoint> endpoint = new EnumMap<>(Side.class);
    private final Map<Side, SdpOriginator> originator = new EnumMap<>(Side.class);
    private final Map<Side, SessionDescription> lastFrom = new EnumMap<>(Side.class);
    private final Map<Side, Connection> address = new EnumMap<>(Side.class);
    private final Map<Side, SessionDescription> lastSent = new EnumMap<>(Side.class);
    private final Map<Side, SrtpLeg> srtp = new EnumMap<>(Side.class);
    /** Whether the side's phone signals over TLS; absent for the callee until a fork's SDP arrives. */
    private final Map<Side, Boolean> secure = new EnumMap<>(Side.class);
    /** The last offer to each side, by the signalling security it was written for. */
    private final Map<Side, Map<Boolean, Pending>> pending = new EnumMap<>(Side.class);
    /** The answer that completed each side's last offer/answer exchange (plain RTP view). */
    private final Map<Side, SessionDescription> negotiated = new EnumMap<>(Side.class);
    /** The SDP session id towards the caller; the callee's is the next ({@link #newCallee} takes a new one). */
    private final long sessionId;
    private boolean bridged;
    /** Whether the last completed exchange needs the server to transcode ({@link Transcoding}). */
    private boolean transcoded;

    /**
     * @param callerSecure whether the caller's INVITE came over TLS
     * @param codecs       what the server may add to offers and transcode
     */
    MediaSession(MediaEndpoints endpoints, MediaEndpoint caller, String callerHost, MediaEndpoint callee,
                 String calleeHost, long sessionId, SrtpLeg callerSrtp, boolean callerSecure, SrtpLeg calleeSrtp,
                 TranscodableCodecs codecs) {
        this.endpoints = endpoints;
        this.codecs = codecs;
        this.sessionId = sessionId;
        endpoint.put(Side.CALLER, caller);
        endpoint.put(Side.CALLEE, callee);
        address.put(Side.CALLER, Connection.of(callerHost));
        address.put(Side.CALLEE, Connection.of(calleeHost));
        originator.put(Side.CALLER, SdpOriginator.create(sessionId, 1, address.get(Side.CALLER)));
        originator.put(Side.CALLEE, SdpOriginator.create(sessionId + 1, 1, address.get(Side.CALLEE)));
        srtp.put(Side.CALLER, callerSrtp);
        srtp.put(Side.CALLEE, calleeSrtp);
        secure.put(Side.CALLER, callerSecure);
    }

    /** Parses a body, refusing a broken one with 400. */
    static Optional<SessionDescription> parse(byte[] body) {
        return SdpParser.parse(body) instanceof SdpParseResult.Parsed p ? Optional.of(p.description()) : Optional.empty();
    }

    /** The SDP that comes next from {@code side} is from a phone on TLS ({@code true}) or not. */
    void signalling(Side side, boolean overTls) {
        secure.put(side, overTls);
    }

    /**
     * An offer from {@code from}: filtered to our codecs, widened with those the server transcodes
     * to when it decodes one of the offerer's ({@link CodecWidening}), anchored for the other side.
     */
    SdpStep offer(Side from, byte[] body) {
        SessionDescription offer = parse(body).orElse(null);
        if (offer == null) return new SdpStep.Refuse(400, "Bad Session Description", null);
        SrtpLeg fromSrtp = srtp.get(from);
        int offered = anchoredIndex(offer);
        if (offered >= 0) {
            SrtpLeg.Decision d = fromSrtp.takeOffer(offer.media().get(offered), isSecure(from), RANDOM);
            if (d instanceof SrtpLeg.Decision.Refused r) return new SdpStep.Refuse(488, "Not Acceptable Here", r.warning());
            fromSrtp = ((SrtpLeg.Decision.Agreed) d).leg();
            offer = plain(offer, offered);
        }
        CodecFilterResult filtered = CodecFilter.DEFAULT.filter(offer);
        if (filtered instanceof CodecFilterResult.NoCommonCodec none) {
            return new SdpStep.Refuse(488, "Not Acceptable Here",
                    "305 switchboard \"Incompatible media format: offered " + none.offered() + "\"");
        }
        SessionDescription usable = ((CodecFilterResult.Filtered) filtered).offer();
        int anchored = anchoredIndex(usable);
        if (anchored < 0) {
            return new SdpStep.Refuse(488, "Not Acceptable Here", "304 switchboard \"No usable audio stream\"");
        }
        srtp.put(from, fromSrtp);
        learn(from, usable);
        applyKeys(from);
        return offerTo(from.other(), usable, anchored, fromSrtp.profile() != null && fromSrtp.profile().secure());
    }

    /**
     * The offer {@code to} gets from the other side's {@code usable} description: widened
     * ({@link CodecWidening}), anchored at our endpoint of {@code to}, with SRTP as {@link SrtpLeg}
     * offers (one variant per signalling security while {@code to}'s is unknown).
     *
     * @param insist whether the other side insisted on {@code RTP/SAVP}
     */
    private SdpStep offerTo(Side to, SessionDescription usable, int anchored, boolean insist) {
        CodecWidening.Widened widened = CodecWidening.widen(usable, anchored,
                codecs.additionsFor(usable.media().get(anchored)));
        SessionDescription rewritten = Anchoring.rewrite(widened.offer(), plan(to, widened.offer()));
        Boolean toSecure = secure.get(to);
        Map<Boolean, Pending> variants = new LinkedHashMap<>();
        for (boolean overTls : toSecure == null ? new boolean[] {false, true} : new boolean[] {toSecure}) {
            SrtpLeg.Offer o = srtp.get(to).offer(rewritten.media().get(anchored), overTls, insist, RANDOM);
            variants.put(overTls, new Pending(originator.get(to).stamp(rewritten.withMedia(anchored, o.media())), o.leg(),
                    widened.added(), usable));
        }
        pending.put(to, variants);
        Pending first = variants.values().iterator().next();
        if (toSecure != null) adopt(to, first);
        return new SdpStep.Forward(first.stamped().description().toBytes());
    }

    /**
     * The body of our last offer to {@code to} for a phone on TLS or not: the forks of the first
     * INVITE get the variant for their own transport. Empty when no offer was made (late offer).
     */
    byte[] offerBody(Side to, boolean overTls) {
        Map<Boolean, Pending> variants = pending.get(to);
        if (variants == null) return new byte[0];
        Pending p = variants.getOrDefault(overTls, variants.values().iterator().next());
        return p.stamped().description().toBytes();
    }

    /**
     * The answer {@code from} gave to the offer we sent it: matched, anchored for the other side,
     * relayed or transcoded as {@link AnswerPath} decides ({@link #transcoded()}).
     */
    SdpStep answer(Side from, byte[] body) {
        Map<Boolean, Pending> variants = pending.get(from);
        Pending ours = variants == null ? null : variants.getOrDefault(isSecure(from), variants.values().iterator().next());
        SessionDescription answer = parse(body).orElse(null);
        if (ours == null || answer == null) return new SdpStep.Refuse(400, "Bad Session Description", null);
        SessionDescription offered = ours.stamped().description();
        if (!(AnswerMatcher.match(offered, answer) instanceof AnswerMatch.Accepted accepted)) {
            return new SdpStep.Refuse(488, "Not Acceptable Here", "304 switchboard \"Answer does not match the offer\"");
        }
        SessionDescription matched = accepted.answer();
        SrtpLeg fromSrtp = ours.srtp();
        int anchored = anchoredIndex(offered);
        if (anchored >= 0) {
            SrtpLeg.Decision d = fromSrtp.takeAnswer(matched.media().get(anchored), isSecure(from));
            if (d instanceof SrtpLeg.Decision.Refused r) return new SdpStep.Refuse(488, "Not Acceptable Here", r.warning());
            fromSrtp = ((SrtpLeg.Decision.Agreed) d).leg();
            matched = plain(matched, anchored);
        }
        adopt(from, ours);
        srtp.put(from, fromSrtp);
        learn(from, matched);
        applyKeys(from);
        Side to = from.other();
        AnswerPath path = anchored < 0 ? new AnswerPath.Relayed(matched)
                : AnswerPath.of(ours.original(), ours.added(), accepted.media().get(anchored), matched, anchored, codecs);
        SessionDescription forOfferer = path.toOfferer();
        SessionDescription rewritten = Anchoring.rewrite(forOfferer, plan(to, forOfferer));
        if (anchored >= 0) {
            rewritten = rewritten.withMedia(anchored, srtp.get(to).answer(rewritten.media().get(anchored)));
        }
        SdpOriginator.Stamped stamped = originator.get(to).stamp(rewritten);
        originator.put(to, stamped.originator());
        lastSent.put(to, stamped.description());
        transcoded = path instanceof AnswerPath.Transcoded;
        negotiated.put(from, transcoded ? matched : forOfferer);
        negotiated.put(to, forOfferer);
        return new SdpStep.Forward(stamped.description().toBytes());
    }

    /**
     * Answers {@code from}'s offer here instead of passing it on (a hold or a resume, see
     * {@link Hold}): the same anchored port, the audio in use ({@code keep}, which the offer must
     * carry), the direction the offer asks for turned round (RFC 3264 §6.1; an RFC 2543 hold with
     * {@code c=0.0.0.0} counts as not receiving, §8.4), SRTP as {@link SrtpLeg} answers, every
     * other stream refused with port 0. The phone's new address is learnt as for any offer.
     */
    SdpStep answerLocally(Side from, SessionDescription offer, NegotiatedAudio keep) {
        int anchored = anchoredIndex(offer);
        if (anchored < 0) return new SdpStep.Refuse(488, "Not Acceptable Here", "304 switchboard \"No usable audio stream\"");
        SrtpLeg.Decision d = srtp.get(from).takeOffer(offer.media().get(anchored), isSecure(from), RANDOM);
        if (d instanceof SrtpLeg.Decision.Refused r) return new SdpStep.Refuse(488, "Not Acceptable Here", r.warning());
        SessionDescription usable = plain(offer, anchored);
        MediaDescription m = usable.media().get(anchored);
        Direction asked = usable.direction(m);
        if (usable.connection(m).map(Connection::isUnspecified).orElse(false)) asked = asked.withoutReceiving();
        List<String> formats = keep.payloadTypes(m);
        MediaDescription kept = m.withOnlyFormats(formats);
        MediaDescription audio = kept.withAttributes(kept.attributes().stream()
                        .filter(a -> a.is("rtpmap") || a.is("fmtp")).toList())
                .withConnection(null).withDirection(asked.inverse());
        List<MediaDescription> media = new ArrayList<>(usable.media().size());
        for (int i = 0; i < usable.media().size(); i++) {
            MediaDescription other = usable.media().get(i);
            media.add(i == anchored ? audio : MediaDescription.of(other.media(), 0, other.proto(), other.formats()));
        }
        SessionDescription answer = SessionDescription.of(originator.get(from).origin(), address.get(from), media);
        answer = Anchoring.rewrite(answer, plan(from, answer));
        srtp.put(from, ((SrtpLeg.Decision.Agreed) d).leg());
        learn(from, usable);
        applyKeys(from);
        negotiated.put(from, answer);
        SessionDescription sent = answer.withMedia(anchored, srtp.get(from).answer(answer.media().get(anchored)));
        SdpOriginator.Stamped stamped = originator.get(from).stamp(sent);
        originator.put(from, stamped.originator());
        lastSent.put(from, stamped.description());
        return new SdpStep.Forward(stamped.description().toBytes());
    }

    // ---- the server answering a side itself (ServerAnswer) -------------------------------------

    /**
     * Answers {@code from}'s offer with the server's own media: the offerer's most preferred codec
     * the server decodes (RFC 3264 §6.1), or the one of an early answer {@code from} already saw
     * when the server decodes it (RFC 6337 §3.1: the final answer repeats it), telephone-event when
     * offered, SRTP as {@link SrtpLeg} answers, the other streams refused with port 0, at our
     * endpoint of {@code from} ({@link #answerLocally}). 488 when nothing decodes.
     */
    SdpStep answerAsServer(Side from, byte[] body) {
        SessionDescription offer = parse(body).orElse(null);
        if (offer == null) return new SdpStep.Refuse(400, "Bad Session Description", null);
        int i = anchoredIndex(offer);
        if (i < 0) return new SdpStep.Refuse(488, "Not Acceptable Here", "304 switchboard \"No usable audio stream\"");
        MediaDescription m = offer.media().get(i);
        Optional<NegotiatedAudio> early = audio(from).filter(a -> a.offeredIn(m) && codecs.decodes(a.voice()));
        Optional<NegotiatedAudio> chosen = early.isPresent() ? early : NegotiatedAudio.choose(m, codecs);
        if (chosen.isEmpty()) {
            return new SdpStep.Refuse(488, "Not Acceptable Here",
                    "305 switchboard \"Incompatible media format: the server decodes none of " + m.formats() + "\"");
        }
        return answerLocally(from, offer, chosen.get());
    }

    /**
     * The server's own offer to {@code to}, whose INVITE had none (RFC 3261 §13.2.1): every codec
     * the server speaks and telephone-event 101, at our endpoint of {@code to}, with SRTP as
     * {@link SrtpLeg} offers. {@link #takeAnswerAsServer} takes the answer.
     */
    SdpStep offerAsServer(Side to) {
        List<String> formats = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        for (RtpFormat f : codecs.offerable()) {
            formats.add(Integer.toString(f.payloadType()));
            attributes.add(Attribute.of("rtpmap", f.payloadType() + " " + f.encodingName() + "/" + f.clockRate()
                    + (f.channels() > 1 ? "/" + f.channels() : "")));
        }
        formats.add("101");
        attributes.add(Attribute.of("rtpmap", "101 telephone-event/8000"));
        attributes.add(Attribute.of("fmtp", "101 0-16"));
        attributes.add(Direction.SENDRECV.attribute());
        MediaDescription m = MediaDescription.of("audio", endpoint.get(to).ports().rtp(), "RTP/AVP", formats)
                .withAttributes(attributes);
        SessionDescription sdp = SessionDescription.of(originator.get(to).origin(), address.get(to), List.of(m));
        sdp = Anchoring.rewrite(sdp, plan(to, sdp));
        SrtpLeg.Offer o = srtp.get(to).offer(sdp.media().getFirst(), isSecure(to), false, RANDOM);
        Pending p = new Pending(originator.get(to).stamp(sdp.withMedia(0, o.media())), o.leg(), Set.of(), sdp);
        pending.put(to, Map.of(isSecure(to), p));
        adopt(to, p);
        return new SdpStep.Forward(p.stamped().description().toBytes());
    }

    /** {@code from}'s answer (in its ACK) to {@link #offerAsServer}: matched, keyed, learnt; 488 when unusable. */
    SdpStep takeAnswerAsServer(Side from, byte[] body) {
        Map<Boolean, Pending> variants = pending.remove(from);
        Pending ours = variants == null ? null : variants.values().iterator().next();
        SessionDescription answer = parse(body).orElse(null);
        if (ours == null || answer == null) return new SdpStep.Refuse(400, "Bad Session Description", null);
        SessionDescription offered = ours.stamped().description();
        if (!(AnswerMatcher.match(offered, answer) instanceof AnswerMatch.Accepted accepted)) {
            return new SdpStep.Refuse(488, "Not Acceptable Here", "304 switchboard \"Answer does not match the offer\"");
        }
        SessionDescription matched = accepted.answer();
        int anchored = anchoredIndex(matched);
        if (anchored < 0) return new SdpStep.Refuse(488, "Not Acceptable Here", "304 switchboard \"No usable audio stream\"");
        SrtpLeg.Decision d = ours.srtp().takeAnswer(matched.media().get(anchored), isSecure(from));
        if (d instanceof SrtpLeg.Decision.Refused r) return new SdpStep.Refuse(488, "Not Acceptable Here", r.warning());
        matched = plain(matched, anchored);
        if (NegotiatedAudio.of(matched).filter(a -> codecs.decodes(a.voice())).isEmpty()) {
            return new SdpStep.Refuse(488, "Not Acceptable Here", "305 switchboard \"No codec the server decodes\"");
        }
        srtp.put(from, ((SrtpLeg.Decision.Agreed) d).leg());
        learn(from, matched);
        applyKeys(from);
        negotiated.put(from, matched);
        return new SdpStep.Forward(new byte[0]);
    }

    /**
     * {@code from}'s answer to a re-offer of our last description (its re-INVITE had no SDP): only
     * its new address is taken; the audio and keys stay as they were.
     */
    void learnAnswer(Side from, byte[] body) {
        SessionDescription answer = parse(body).orElse(null);
        if (answer == null) return;
        int anchored = anchoredIndex(answer);
        if (anchored >= 0) learn(from, plain(answer, anchored));
    }

    /** Stops relaying between the sides (the server answered the caller; no callee listens). */
    void unbridge() {
        endpoints.unbridge(endpoint.get(Side.CALLER));
        bridged = false;
    }

    /**
     * A new callee for the same call (a transfer): its SRTP policy, the address our SDP gives its
     * phones, and a new SDP session towards it (RFC 4566 §5.2); what the old one negotiated is
     * forgotten.
     */
    void newCallee(SrtpLeg calleeSrtp, String host) {
        Side side = Side.CALLEE;
        srtp.put(side, calleeSrtp);
        secure.remove(side);
        pending.remove(side);
        negotiated.remove(side);
        lastFrom.remove(side);
        lastSent.remove(side);
        address.put(side, Connection.of(host));
        originator.put(side, SdpOriginator.create(sessionId + 2, 1, address.get(side)));
    }

    /**
     * The offer to a transfer's callee: the caller's last description with only the audio the
     * server answered it with (its codec and telephone-event, same payload types, so the caller's
     * endpoint relays again without a re-INVITE to the caller), widened with the codecs the server
     * transcodes to. Empty before the caller's audio is known.
     */
    Optional<byte[]> offerForTransfer() {
        SessionDescription from = lastFrom.get(Side.CALLER);
        NegotiatedAudio inUse = audio(Side.CALLER).orElse(null);
        int i = from == null ? -1 : anchoredIndex(from);
        if (inUse == null || i < 0) return Optional.empty();
        MediaDescription m = from.media().get(i);
        if (!inUse.offeredIn(m)) return Optional.empty();
        SessionDescription usable = from.withMedia(i, m.withOnlyFormats(inUse.payloadTypes(m)));
        SrtpLeg callerSrtp = srtp.get(Side.CALLER);
        boolean insist = callerSrtp.profile() != null && callerSrtp.profile().secure();
        return offerTo(Side.CALLEE, usable, i, insist) instanceof SdpStep.Forward f ? Optional.of(f.body()) : Optional.empty();
    }

    /**
     * A transfer's callee answered {@link #offerForTransfer}: as {@link #answer}, except that the
     * caller, who sees no re-INVITE, keeps what it agreed with the server (its description, SDP
     * version and audio). {@link #transcoded()} says whether the two legs can be relayed.
     */
    SdpStep answerForTransfer(byte[] body) {
        Side to = Side.CALLER;
        SdpOriginator keptOrigin = originator.get(to);
        SessionDescription keptSent = lastSent.get(to);
        SessionDescription keptAudio = negotiated.get(to);
        SdpStep step = answer(Side.CALLEE, body);
        originator.put(to, keptOrigin);
        lastSent.put(to, keptSent);
        negotiated.put(to, keptAudio);
        return step;
    }

    /**
     * Whether the phones' last completed exchange left them without a common codec, so the server
     * decodes each leg in its own codec ({@link Transcoding}); false before the first answer.
     */
    boolean transcoded() { return transcoded; }

    /**
     * The audio {@code side}'s last completed exchange settled on, in that side's own codec (the
     * two differ when {@link #transcoded()}); empty before the first answer.
     */
    Optional<NegotiatedAudio> audio(Side side) {
        return NegotiatedAudio.of(negotiated.get(side));
    }

    /** The last description {@code side}'s phone sent (its offer or answer), or null. */
    SessionDescription fromPhone(Side side) { return lastFrom.get(side); }

    /** The endpoint of {@code side}. */
    MediaEndpoint endpoint(Side side) { return endpoint.get(side); }

    /** The last description we sent {@code side}, for a session refresh that changes nothing; empty if none. */
    byte[] lastSent(Side side) {
        SessionDescription d = lastSent.get(side);
        return d == null ? new byte[0] : d.toBytes();
    }

    /** Tells each endpoint its side's voice format, for the jitter of {@code switchboard calls} (RFC 3550 A.8). */
    void describe() {
        for (Side side : Side.values()) {
            audio(side).ifPresent(a -> endpoint.get(side).describe(a.voice().payloadType(), a.voice().clockRate()));
        }
    }

    /** Whether {@code side}'s stream is SRTP, for the live call view and tests. */
    boolean encrypted(Side side) { return srtp.get(side).encrypted(); }

    /** Relays packets between the two sides (idempotent); false when an endpoint is closed. */
    boolean bridge() {
        if (bridged) return true;
        bridged = endpoints.bridge(endpoint.get(Side.CALLER), endpoint.get(Side.CALLEE));
        return bridged;
    }

    /** Bridges the two sides again after a leg went back to relaying; false when an endpoint is closed. */
    boolean rebridge() {
        bridged = false;
        return bridge();
    }

    /** The RTP port of one side's endpoint, for the live call view. */
    int port(Side side) { return endpoint.get(side).ports().rtp(); }

    /** Closes both endpoints (ports go back to the pool). Idempotent. */
    void close() {
        for (MediaEndpoint e : endpoint.values()) e.close();
    }

    private boolean isSecure(Side side) { return secure.getOrDefault(side, false); }

    /** The offer variant that went to {@code side}'s phone becomes the description we last sent it. */
    private void adopt(Side side, Pending p) {
        originator.put(side, p.stamped().originator());
        lastSent.put(side, p.stamped().description());
    }

    /** Hands the side's negotiated keys to its endpoint: the phone's for what it sends, ours for what it gets. */
    private void applyKeys(Side side) {
        SrtpLeg leg = srtp.get(side);
        MediaEndpoint e = endpoint.get(side);
        if (leg.encrypted()) e.useSrtp(keys(leg.remote()), keys(leg.local()));
        else e.usePlainRtp();
    }

    static SrtpKeys keys(CryptoAttribute c) {
        SrtpSuite suite = switch (c.suite()) {
            case AES_CM_128_HMAC_SHA1_80 -> SrtpSuite.AES_CM_128_HMAC_SHA1_80;
            case AES_CM_128_HMAC_SHA1_32 -> SrtpSuite.AES_CM_128_HMAC_SHA1_32;
            case AES_256_CM_HMAC_SHA1_80 -> SrtpSuite.AES_256_CM_HMAC_SHA1_80;
            case AES_256_CM_HMAC_SHA1_32 -> SrtpSuite.AES_256_CM_HMAC_SHA1_32;
            case AEAD_AES_128_GCM -> SrtpSuite.AEAD_AES_128_GCM;
            case AEAD_AES_256_GCM -> SrtpSuite.AEAD_AES_256_GCM;
        };
        InlineKey key = c.key();
        return new SrtpKeys(suite, key.masterKey(c.suite()), key.masterSalt(c.suite()), key.mkiLength());
    }

    /** The description with its stream {@code index} on the plain RTP profile, as the relay carries it. */
    private static SessionDescription plain(SessionDescription sdp, int index) {
        MediaDescription m = sdp.media().get(index);
        return RtpProfile.of(m).map(p -> sdp.withMedia(index, m.withProto(p.plain().proto())
                .withoutAttributes(a -> a.is(CryptoAttribute.NAME)))).orElse(sdp);
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
            if (k >= 0 && (d.isHeld(d.media().get(k)) || d.direction(d.media().get(k)) != Direction.SENDRECV)) held = true;
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
