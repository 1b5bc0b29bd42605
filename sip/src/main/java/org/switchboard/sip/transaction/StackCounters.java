package org.switchboard.sip.transaction;

import java.util.concurrent.atomic.LongAdder;

/** Counters shared by all shards; {@link LongAdder} keeps concurrent increments cheap. */
final class StackCounters {
    final LongAdder requestsIn = new LongAdder();
    final LongAdder responsesIn = new LongAdder();
    final LongAdder requestsOut = new LongAdder();
    final LongAdder responsesOut = new LongAdder();
    final LongAdder retransmissionsAbsorbed = new LongAdder();
    final LongAdder parseFailures = new LongAdder();
    final LongAdder statelessResponses = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder serverTransactions = new LongAdder();
    final LongAdder clientTransactions = new LongAdder();

    Stats snapshot() {
        return new Stats(requestsIn.sum(), responsesIn.sum(), requestsOut.sum(), responsesOut.sum(),
                retransmissionsAbsorbed.sum(), parseFailures.sum(), statelessResponses.sum(), dropped.sum(),
                serverTransactions.sum(), clientTransactions.sum());
    }
}
