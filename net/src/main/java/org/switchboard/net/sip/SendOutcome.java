package org.switchboard.net.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.TransportSender.SendResult;

/** Reports a send to its caller exactly once per call site; a throwing callback is logged, never propagated. */
final class SendOutcome {

    private static final Logger log = LoggerFactory.getLogger(SendOutcome.class);

    private SendOutcome() { }

    static void succeeded(SendResult result, Flow flow, TransportCounters.Meter meter, int bytes) {
        meter.sent(bytes);
        call(result, flow, null, meter);
    }

    static void failed(SendResult result, Flow flow, Throwable error, TransportCounters.Meter meter) {
        meter.sendFailures.increment();
        if (log.isDebugEnabled()) log.debug("send to {} failed: {}", flow == null ? "?" : flow.remoteText(), error.toString());
        call(result, flow, error, meter);
    }

    private static void call(SendResult result, Flow flow, Throwable error, TransportCounters.Meter meter) {
        if (result == SendResult.IGNORE) return;
        try {
            result.done(flow, error);
        } catch (Exception | StackOverflowError e) {
            meter.errors.increment();
            log.debug("send callback failed", e);
        }
    }
}
