package org.switchboard.sip.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * The RFC 3261 transaction timers (§17, table 4 of Appendix A), all derived from T1, T2 and
 * T4 except Timer D, which the RFC fixes at "at least 32 seconds" for unreliable transports.
 *
 * <p>Defaults: T1 500 ms (RTT estimate), T2 4 s (cap of non-INVITE and INVITE-response
 * retransmission intervals), T4 5 s (how long a message may stay in the network), Timer D
 * 32 s. On reliable transports (TCP, TLS, WS) the timers that only exist to absorb
 * retransmissions (D, I, J, K) are zero and the retransmission timers (A, E, G) do not run.
 *
 * @param t1     RTT estimate; base of every retransmission interval and of the 64*T1 timeouts
 * @param t2     longest retransmission interval for non-INVITE requests and INVITE responses
 * @param t4     longest time a message stays in the network (Timers I and K)
 * @param timerD wait time for response retransmissions in the INVITE client (unreliable)
 */
public record TimerSettings(Duration t1, Duration t2, Duration t4, Duration timerD) {

    /** The RFC 3261 recommended values. */
    public static final TimerSettings DEFAULT = new TimerSettings(
            Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(32));

    /** How long an INVITE server transaction waits for its TU before sending 100 Trying (§17.2.1). */
    public static final Duration TRYING_DELAY = Duration.ofMillis(200);

    public TimerSettings {
        Objects.requireNonNull(t1, "t1");
        Objects.requireNonNull(t2, "t2");
        Objects.requireNonNull(t4, "t4");
        Objects.requireNonNull(timerD, "timerD");
        if (t1.isNegative() || t1.isZero()) throw new IllegalArgumentException("T1 must be positive: " + t1);
        if (t2.compareTo(t1) < 0) throw new IllegalArgumentException("T2 must be at least T1: " + t2);
        if (t4.isNegative() || t4.isZero()) throw new IllegalArgumentException("T4 must be positive: " + t4);
        if (timerD.isNegative()) throw new IllegalArgumentException("Timer D must not be negative: " + timerD);
    }

    /** Settings with these base timers and the default Timer D. */
    public static TimerSettings of(Duration t1, Duration t2, Duration t4) {
        return new TimerSettings(t1, t2, t4, DEFAULT.timerD);
    }

    /** 64*T1: Timers B, F, H, L, M and J on unreliable transports. */
    public Duration transactionTimeout() { return times(t1, 64); }

    /** Initial INVITE retransmission interval (Timer A). */
    public Duration timerA() { return t1; }

    /** INVITE transaction timeout (Timer B). */
    public Duration timerB() { return transactionTimeout(); }

    /** Wait time for response retransmissions (Timer D): zero on reliable transports. */
    public Duration timerD(boolean reliable) { return reliable ? Duration.ZERO : timerD; }

    /** Initial non-INVITE retransmission interval (Timer E). */
    public Duration timerE() { return t1; }

    /** Non-INVITE transaction timeout (Timer F). */
    public Duration timerF() { return transactionTimeout(); }

    /** Initial INVITE response retransmission interval (Timer G). */
    public Duration timerG() { return t1; }

    /** Wait time for ACK receipt (Timer H). */
    public Duration timerH() { return transactionTimeout(); }

    /** Wait time for ACK retransmissions (Timer I): zero on reliable transports. */
    public Duration timerI(boolean reliable) { return reliable ? Duration.ZERO : t4; }

    /** Wait time for non-INVITE request retransmissions (Timer J): zero on reliable transports. */
    public Duration timerJ(boolean reliable) { return reliable ? Duration.ZERO : transactionTimeout(); }

    /** Wait time for non-INVITE response retransmissions (Timer K): zero on reliable transports. */
    public Duration timerK(boolean reliable) { return reliable ? Duration.ZERO : t4; }

    /** Wait time for accepted INVITE request retransmissions (Timer L, RFC 6026 §8.7). */
    public Duration timerL() { return transactionTimeout(); }

    /** Wait time for retransmissions of 2xx responses (Timer M, RFC 6026 §8.4). */
    public Duration timerM() { return transactionTimeout(); }

    /** The next retransmission interval after {@code current}: doubled, and capped at T2 when asked. */
    public Duration doubled(Duration current, boolean capAtT2) {
        Duration next = times(current, 2);
        return capAtT2 && next.compareTo(t2) > 0 ? t2 : next;
    }

    /**
     * {@code d.multipliedBy(k)} without its detour through BigDecimal: every transaction asks
     * for a timer, so this is on the path of each request. Overflow throws as multipliedBy does.
     */
    private static Duration times(Duration d, int k) {
        return Duration.ofSeconds(Math.multiplyExact(d.getSeconds(), k), (long) d.getNano() * k);
    }
}
