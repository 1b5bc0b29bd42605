package org.switchboard.media.relay;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.switchboard.media.channel.LegAudioConfig;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;

/**
 * One leg's anchored media: an RTP/RTCP port pair of the server that the leg's SDP announces
 * and the phone sends to. Obtained from {@link MediaEndpoints#allocate}; owned by the call, whose
 * executor calls these methods. Packets are handled on the media layer's own threads.
 *
 * <p>What the phone sends is accepted only from the source its {@link SourceLatch} learned; what
 * the bridged leg sends is relayed to that source, or to the SDP address until one is learned.
 */
public interface MediaEndpoint extends AutoCloseable {

    /** The leg this endpoint serves. */
    String legId();

    /** Its local port pair. */
    PortPair ports();

    /**
     * The local RTP address, for the {@code m=}/{@code c=} lines of our SDP (RFC 4566 §5.7, §5.14).
     * With a wildcard bind address the caller puts the server's advertised address instead.
     */
    InetSocketAddress localRtp();

    /** The local RTCP address ({@code a=rtcp}, RFC 3605): same IP, port RTP + 1. */
    InetSocketAddress localRtcp();

    /**
     * The peer's addresses from its SDP: a hint for latching and the destination until the
     * phone has sent something. Call it on every offer or answer; the same addresses again change
     * nothing, different ones (the media moved) start learning again. An address that cannot be
     * sent to (unresolved, {@code 0.0.0.0} for old-style hold, port 0 for a rejected stream,
     * RFC 3264 §6, §8.4) is ignored. Returns once applied.
     *
     * @param rtp  the peer's RTP address ({@code c=} and {@code m=} port)
     * @param rtcp the peer's RTCP address ({@code a=rtcp}), or null for RTP port + 1
     */
    void expectRemote(InetSocketAddress rtp, InetSocketAddress rtcp);

    /**
     * Terminates SRTP (RFC 3711) on this leg: what its phone sends is authenticated, checked
     * against replays and decrypted with {@code inbound} (SRTP and SRTCP; failures are dropped
     * and counted in {@link MediaStats}), what goes to the phone is encrypted with
     * {@code outbound}. Call it before bridging, and again after each offer/answer: the same
     * keys again change nothing (rollover counters and replay windows continue), new keys
     * start new cryptographic contexts. Until a packet has authenticated it teaches the
     * source latch nothing. Returns once applied.
     */
    void useSrtp(SrtpKeys inbound, SrtpKeys outbound);

    /** Plain RTP on this leg (the default), e.g. after a re-offer without {@code a=crypto}. */
    void usePlainRtp();

    /**
     * Pauses the media timeout while the leg is on hold ({@code sendonly}/{@code inactive},
     * RFC 3264 §8.4), when a phone may send no RTP at all; {@code false} restarts the count.
     */
    void suspendTimeout(boolean suspended);

    /**
     * Switches the endpoint from RELAYED to TERMINATED: from now on what its phone sends ends in
     * the server and what the phone hears is made there ({@link MediaChannel}: prompts, music,
     * recording, DTMF, transcoding), while the latch, SRTP and the media timeout (which now runs
     * even when not bridged) go on as before. A bridged partner's packets towards this phone are
     * dropped meanwhile; {@link MediaChannel#relay()} goes back. Terminating again replaces the
     * previous channel (its handle goes dead). Returns at once; the switch is applied on the
     * media thread before anything asked of the handle afterwards (a packet read meanwhile still
     * takes the relay path; {@link MediaChannel#stats()} completing tells the switch is done).
     *
     * <p>What the phone hears stays one RTP stream across every switch, relay to terminated and
     * back: the channel sends with the SSRC the phone heard last and continues its sequence
     * numbers (timestamps moved on by the time since), and once back to relaying the relayed
     * packets are renumbered to continue the channel's. {@code config}'s
     * {@link LegAudioConfig#localSsrc()} is used only when the phone was sent nothing before;
     * {@link MediaChannel#config()} tells the SSRC in use. (A phone's jitter buffer may compare
     * sequence numbers across a change of source and drop a new stream as late, RFC 3550 §5.1.)
     *
     * @param config       what offer/answer settled for this leg
     * @param callExecutor where {@code listener} is called (the call's serial executor): never a media thread
     * @param listener     told of key presses and of sources that ended
     */
    MediaChannel terminate(LegAudioConfig config, Executor callExecutor, LegAudioListener listener);

    /** A snapshot of this leg's counters and learned sources. */
    MediaStats stats();

    /**
     * The voice format offer/answer settled on for this leg, from the codec's {@code a=rtpmap}
     * (RFC 4566 §6; RFC 3551 for the static types): the relay measures the jitter of the phone's
     * packets of that payload type at that clock rate (RFC 3550 A.8 works in timestamp units).
     * Until it is given, or for other payload types, loss is counted and jitter is not. Call it
     * after each completed offer/answer; the same format again changes nothing. Returns at once.
     * The default ignores it: for endpoints that keep no statistics.
     *
     * @throws IllegalArgumentException when the payload type is not 0..127 or the rate not positive
     */
    default void describe(int payloadType, int clockRate) {
        if (payloadType < 0 || payloadType > 127 || clockRate <= 0) {
            throw new IllegalArgumentException("payload type " + payloadType + " at " + clockRate
                    + " Hz: payload types are 0..127 and clock rates positive");
        }
    }

    /**
     * How the leg's media is doing now ({@link LegQuality}: loss, jitter, round trip, the
     * phone's own report, counters), relayed or terminated. Computed on the leg's media thread;
     * the stage completes there, so chain nothing that blocks to it. The default gives the
     * counters alone, for endpoints that do not watch their packets.
     */
    default CompletionStage<LegQuality> quality() {
        return CompletableFuture.completedFuture(LegQuality.countersOnly(stats()));
    }

    /** False once closed. */
    boolean isOpen();

    /**
     * Unbridges, closes the sockets and returns the ports to the pool (after the sockets are
     * closed). Idempotent; never throws.
     */
    @Override
    void close();
}
