package org.switchboard.pbx.b2bua;

import java.time.Duration;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.time.Scheduler;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * Our 2xx to an INVITE (initial or re-INVITE), re-sent until its ACK arrives (RFC 3261
 * §13.3.1.4): every T1 doubling up to T2 on unreliable transports, and given up after 64*T1,
 * when the dialog is to be ended. Used on the call's executor only.
 */
final class AckWait {
    private SipResponse pending;
    private Scheduler.Handle retransmit = Scheduler.Handle.NONE;
    private Scheduler.Handle giveUp = Scheduler.Handle.NONE;

    /** Sends {@code ok} through {@code tx} and keeps re-sending it; {@code onNoAck} runs on the call's executor after 64*T1. */
    void send(Call call, ServerTransaction tx, SipResponse ok, Runnable onNoAck) {
        stop();
        pending = ok;
        tx.respond(ok);
        B2buaSettings s = call.context().settings();
        if (!tx.flow().transport().reliable()) schedule(call, tx, ok, s.t1(), s.t2());
        giveUp = call.context().scheduler().schedule(s.t1().multipliedBy(64), () -> call.executor.execute(() -> {
            if (pending == ok) {
                stop();
                onNoAck.run();
            }
        }));
    }

    private void schedule(Call call, ServerTransaction tx, SipResponse ok, Duration interval, Duration cap) {
        retransmit = call.context().scheduler().schedule(interval, () -> call.executor.execute(() -> {
            if (pending != ok) return;
            tx.respond(ok);
            Duration next = interval.multipliedBy(2);
            schedule(call, tx, ok, next.compareTo(cap) > 0 ? cap : next, cap);
        }));
    }

    /** True while a 2xx waits for its ACK. */
    boolean waiting() { return pending != null; }

    /** The ACK arrived, or the call ends: stop re-sending. */
    void stop() {
        pending = null;
        retransmit.cancel();
        giveUp.cancel();
    }
}
