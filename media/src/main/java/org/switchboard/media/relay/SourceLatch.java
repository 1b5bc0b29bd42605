package org.switchboard.media.relay;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Symmetric RTP latching (RFC 4961) for one socket of one leg, with the RTP bleed defence:
 * where the leg's packets must come from, and so where the other leg's packets are sent.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Until a source is known every packet offers one. It is admissible when the policy is
 *       {@link LatchPolicy.Mode#ANY_SOURCE} (phones behind NAT), or when its IP is the one the
 *       peer's SDP announced ({@link LatchPolicy.Mode#EXPECTED_IP}). The first admissible source
 *       is learned; others are refused.</li>
 *   <li>After {@link LatchPolicy#lockAfter()} packets from the learned source the latch
 *       locks. Before that a packet from exactly the announced SDP address replaces a learned
 *       source that is not it; nothing else does.</li>
 *   <li>Once locked the source never changes because of packets: an attacker who sprays a
 *       relay port (RTP bleed) gets nothing learned and nothing sent back.</li>
 *   <li>Only signalling moves it: {@link #expect} with a different address (a re-INVITE that
 *       moves the media) starts learning again.</li>
 * </ol>
 * Not thread-safe: one socket's event loop owns it.
 */
public final class SourceLatch {

    /** Where learning stands. */
    public enum State { WAITING, LEARNING, LOCKED }

    private final LatchPolicy policy;
    private InetSocketAddress expected;
    private InetSocketAddress source;
    private int heard;
    private State state = State.WAITING;
    private long refused;

    public SourceLatch(LatchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The address the peer announced in SDP, a hint; null when unknown.
     *
     * @return true when it differs from the previous hint and learning starts again
     */
    public boolean expect(InetSocketAddress announced) {
        if (Objects.equals(expected, announced)) return false;
        expected = announced;
        source = null;
        heard = 0;
        state = State.WAITING;
        return true;
    }

    /**
     * Decides on one packet.
     *
     * @param from the packet's source address
     * @return true when the packet comes from the leg's (learned or now learnt) source and may
     *         be relayed; false when it must be dropped
     */
    public boolean accept(InetSocketAddress from) {
        switch (state) {
            case LOCKED -> {
                if (from.equals(source)) return true;
            }
            case LEARNING -> {
                if (from.equals(source)) {
                    if (++heard >= policy.lockAfter()) state = State.LOCKED;
                    return true;
                }
                if (from.equals(expected)) {
                    learn(from);
                    return true;
                }
            }
            case WAITING -> {
                if (admissible(from)) {
                    learn(from);
                    return true;
                }
            }
        }
        refused++;
        return false;
    }

    private boolean admissible(InetSocketAddress from) {
        return switch (policy.mode()) {
            case ANY_SOURCE -> true;
            case EXPECTED_IP -> expected != null && from.getAddress().equals(expected.getAddress());
        };
    }

    private void learn(InetSocketAddress from) {
        source = from;
        heard = 1;
        state = heard >= policy.lockAfter() ? State.LOCKED : State.LEARNING;
    }

    /** The learned source, null while {@link State#WAITING}. */
    public InetSocketAddress source() {
        return source;
    }

    /** Where to send this leg's packets: the learned source, else the announced address, else null. */
    public InetSocketAddress destination() {
        return source != null ? source : expected;
    }

    public State state() {
        return state;
    }

    /** Packets refused so far (foreign sources). */
    public long refused() {
        return refused;
    }
}
