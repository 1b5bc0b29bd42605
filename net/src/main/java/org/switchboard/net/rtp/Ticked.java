package org.switchboard.net.rtp;

/**
 * What a {@link LegTicker} ticks on its loop: a terminated leg ({@link NettyMediaChannel}) or a
 * call's recorder ({@link NettyCallTap}). Called on the loop only.
 */
interface Ticked {

    /** One beat of the loop's media clock. */
    void tick(long nowNanos, long wallMillis);

    /** The leg (or call) it serves, for the log. */
    String legId();

    /** True the first time a tick failed, so the log says it once. */
    boolean firstFailure();
}
