package org.switchboard.sip.transaction;

/**
 * The timers of RFC 3261 §17 (and RFC 6026 Timers L and M), plus {@link #TRYING}, the 200 ms
 * wait after which an INVITE server transaction answers 100 Trying for a slow TU (§17.2.1).
 * Durations come from {@link TimerSettings}.
 */
public enum TransactionTimer {
    /** INVITE request retransmission (client). */
    A,
    /** INVITE transaction timeout (client). */
    B,
    /** Wait for response retransmissions after a non-2xx final (INVITE client). */
    D,
    /** Non-INVITE request retransmission (client). */
    E,
    /** Non-INVITE transaction timeout (client). */
    F,
    /** Non-2xx final response retransmission (INVITE server). */
    G,
    /** Wait for ACK (INVITE server). */
    H,
    /** Wait for ACK retransmissions (INVITE server). */
    I,
    /** Wait for request retransmissions (non-INVITE server). */
    J,
    /** Wait for response retransmissions (non-INVITE client). */
    K,
    /** Wait for INVITE retransmissions after a 2xx (INVITE server, RFC 6026). */
    L,
    /** Wait for 2xx retransmissions (INVITE client, RFC 6026). */
    M,
    /** 100 Trying for a TU that has not answered an INVITE within 200 ms (§17.2.1). */
    TRYING
}
