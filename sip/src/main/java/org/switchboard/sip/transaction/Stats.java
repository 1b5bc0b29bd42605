package org.switchboard.sip.transaction;

/**
 * A snapshot of the stack's counters since start. Counts are per message, so a retransmitted
 * request counts once in {@code requestsIn} and once in {@code retransmissionsAbsorbed}.
 *
 * @param requestsIn              requests parsed (including retransmissions and ACKs)
 * @param responsesIn             responses parsed
 * @param requestsOut             requests sent (including retransmissions and ACKs)
 * @param responsesOut            responses sent (including retransmissions and stateless ones)
 * @param retransmissionsAbsorbed requests matched to an existing server transaction, never shown to the TU
 * @param parseFailures           messages the parser rejected
 * @param statelessResponses      error responses sent without a transaction for unparseable requests
 * @param dropped                 messages discarded: unanswerable garbage, responses not ours
 * @param serverTransactions      server transactions alive now
 * @param clientTransactions      client transactions alive now
 */
public record Stats(long requestsIn, long responsesIn, long requestsOut, long responsesOut,
                    long retransmissionsAbsorbed, long parseFailures, long statelessResponses, long dropped,
                    long serverTransactions, long clientTransactions) { }
