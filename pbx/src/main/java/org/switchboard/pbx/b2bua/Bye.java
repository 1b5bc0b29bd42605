package org.switchboard.pbx.b2bua;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.pbx.call.HangupCause;
import org.switchboard.sip.message.HeaderNames;
import org.switchboard.sip.message.Headers;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ResponseListener;
import org.switchboard.sip.transaction.TransactionFailure;

/** The BYEs the server sends to end a call: why (RFC 3326), and knowing when every one got its answer. */
final class Bye {
    private Bye() { }

    /** RFC 3326: why the server ends a call itself; no header for a normal end or a cause Q.850 lacks. */
    static Headers reason(HangupCause cause) {
        if (cause == HangupCause.NORMAL_CLEARING || cause.q850() == 0 && cause != HangupCause.MEDIA_TIMEOUT
                && cause != HangupCause.SYSTEM_SHUTDOWN) {
            return Headers.empty();
        }
        String text = cause.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Headers.empty().with(HeaderNames.REASON, "Q.850;cause=" + cause.q850() + ";text=\"" + text + "\"");
    }

    /** A listener that runs {@code done} after {@code n} final answers or failures (at once when n is 0). */
    static ResponseListener countDown(int n, Runnable done) {
        if (n == 0) {
            done.run();
            return Call.IGNORE;
        }
        AtomicInteger left = new AtomicInteger(n);
        return new ResponseListener() {
            @Override
            public void onResponse(SipResponse response) {
                if (response.isFinal() && left.decrementAndGet() == 0) done.run();
            }

            @Override
            public void onFailure(TransactionFailure failure) {
                if (left.decrementAndGet() == 0) done.run();
            }
        };
    }
}
