package org.switchboard.net.rtp;

import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;
import org.switchboard.media.relay.RtpFixedHeader;
import org.switchboard.media.relay.SrtpKeys;
import org.switchboard.media.relay.SrtpSuite;

/**
 * The SRTP state of one direction of one leg (RFC 3711 §3.2): one cryptographic context per
 * SSRC for SRTP and one for SRTCP, derived from the master key on first use, each with its
 * rollover counter and replay window. A receiving direction keeps a context only once a packet
 * of its SSRC has authenticated, so forged packets with made-up SSRCs leave nothing behind;
 * at most {@value #MAX_SOURCES} sources per kind are kept (the oldest goes).
 *
 * <p>Used on the leg's event loop only. The transforms themselves are jitsi-srtp's; its log is
 * off (it would log per packet), the relay counts failures instead.
 */
final class SrtpDirection {

    /** Sources kept per kind (SRTP, SRTCP): a phone has one, a conference bridge a few. */
    static final int MAX_SOURCES = 16;
    /** The most a transform adds: SRTCP's E flag and index (4) and a 16-byte tag. */
    static final int MAX_GROWTH = 20;

    private static final Logger QUIET = new LoggerImpl(SrtpDirection.class.getName(), Level.OFF);

    /** What a transform did with a packet. */
    enum Outcome {
        OK,
        /** Failed authentication, or too short or malformed to be SRTP: dropped. */
        AUTH_FAILED,
        /** Already received, or older than the replay window: dropped (RFC 3711 §3.3.2). */
        REPLAYED
    }

    private final SrtpKeys keys;
    private final boolean sender;
    private final SrtpContextFactory factory;
    private final Map<Integer, SrtpCryptoContext> rtp = bounded();
    private final Map<Integer, SrtcpCryptoContext> rtcp = bounded();

    private SrtpDirection(SrtpKeys keys, boolean sender) {
        this.keys = keys;
        this.sender = sender;
        SrtpSuite suite = keys.suite();
        this.factory = new SrtpContextFactory(sender, keys.masterKey(), keys.masterSalt(),
                policy(suite, suite.srtpTagLength()), policy(suite, suite.srtcpTagLength()), QUIET);
    }

    /** Decrypts what a phone sends with its keys. */
    static SrtpDirection receiving(SrtpKeys keys) { return new SrtpDirection(keys, false); }

    /** Encrypts what goes to a phone with our keys. */
    static SrtpDirection sending(SrtpKeys keys) { return new SrtpDirection(keys, true); }

    SrtpKeys keys() { return keys; }

    private static SrtpPolicy policy(SrtpSuite suite, int tagLength) {
        if (suite.aead()) {
            return new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, suite.keyLength(), SrtpPolicy.NULL_AUTHENTICATION, 0,
                    tagLength, suite.saltLength());
        }
        // HMAC-SHA1 with a 160-bit key (RFC 3711 §4.2.1)
        return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, suite.keyLength(), SrtpPolicy.HMACSHA1_AUTHENTICATION, 20,
                tagLength, suite.saltLength());
    }

    private static <V> Map<Integer, V> bounded() {
        return new LinkedHashMap<>(4, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, V> eldest) { return size() > MAX_SOURCES; }
        };
    }

    /** SRTP to RTP, SRTCP to RTCP, in place; the packet is at least the fixed header long. */
    Outcome unprotect(PacketBuffer p, boolean control) {
        if (sender) throw new IllegalStateException("a sending direction does not decrypt");
        int mki = keys.mkiLength();
        if (mki > 0) {
            int tag = control ? keys.suite().srtcpTagLength() : keys.suite().srtpTagLength();
            int header = control ? RtpFixedHeader.RTCP_MIN_LENGTH + 4 : RtpFixedHeader.RTP_MIN_LENGTH;
            if (p.getLength() < header + mki + tag) return Outcome.AUTH_FAILED;
            p.cut(mki, tag);
        }
        try {
            return control ? unprotectControl(p) : unprotectMedia(p);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Outcome.AUTH_FAILED;
        }
    }

    private Outcome unprotectMedia(PacketBuffer p) throws GeneralSecurityException {
        int ssrc = p.word(8);
        SrtpCryptoContext known = rtp.get(ssrc);
        SrtpCryptoContext context = known != null ? known : factory.deriveContext(ssrc, 0);
        Outcome o = outcome(context.reverseTransformPacket(p, false));
        if (o == Outcome.OK && known == null) rtp.put(ssrc, context);
        return o;
    }

    private Outcome unprotectControl(PacketBuffer p) throws GeneralSecurityException {
        int ssrc = p.word(4);
        SrtcpCryptoContext known = rtcp.get(ssrc);
        SrtcpCryptoContext context = known != null ? known : factory.deriveControlContext(ssrc);
        Outcome o = outcome(context.reverseTransformPacket(p));
        if (o == Outcome.OK && known == null) rtcp.put(ssrc, context);
        return o;
    }

    /** RTP to SRTP, RTCP to SRTCP, in place; the buffer has {@link #MAX_GROWTH} bytes of room. */
    Outcome protect(PacketBuffer p, boolean control) {
        if (!sender) throw new IllegalStateException("a receiving direction does not encrypt");
        try {
            if (control) {
                int ssrc = p.word(4);
                SrtcpCryptoContext context = rtcp.get(ssrc);
                if (context == null) rtcp.put(ssrc, context = factory.deriveControlContext(ssrc));
                return outcome(context.transformPacket(p));
            }
            int ssrc = p.word(8);
            SrtpCryptoContext context = rtp.get(ssrc);
            if (context == null) rtp.put(ssrc, context = factory.deriveContext(ssrc, 0));
            return outcome(context.transformPacket(p));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Outcome.AUTH_FAILED;
        }
    }

    private static Outcome outcome(SrtpErrorStatus status) {
        return switch (status) {
            case OK -> Outcome.OK;
            case REPLAY_FAIL, REPLAY_OLD -> Outcome.REPLAYED;
            default -> Outcome.AUTH_FAILED;
        };
    }

    /** Sources with a context, for tests: SRTP then SRTCP. */
    int sources() { return rtp.size() + rtcp.size(); }

    @Override
    public String toString() { return "SrtpDirection[" + (sender ? "sending " : "receiving ") + keys + "]"; }
}
