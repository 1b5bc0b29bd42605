package org.switchboard.net.rtp;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.record.AudioStereoSink;
import org.switchboard.media.record.Party;
import org.switchboard.media.record.TapListener;

/**
 * A call's {@link TapListener} as the event loop calls it: each event is handed to the call's
 * executor and the loop goes on at once. An executor that refuses (the call has ended) drops
 * the event.
 */
record TapEvents(TapListener target, Executor executor, String callKey) implements TapListener {

    private static final Logger log = LoggerFactory.getLogger(TapEvents.class);

    TapEvents {
        Objects.requireNonNull(target, "listener");
        Objects.requireNonNull(executor, "callExecutor");
    }

    @Override
    public void onDigit(Party party, DtmfEvent event) {
        hop(() -> target.onDigit(party, event));
    }

    @Override
    public void onRecordingFailed(AudioStereoSink sink, String reason) {
        hop(() -> target.onRecordingFailed(sink, reason));
    }

    private void hop(Runnable event) {
        try {
            executor.execute(() -> {
                try {
                    event.run();
                } catch (RuntimeException e) {
                    log.warn("recording listener of call {} failed", callKey, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("recording event of call {} dropped: its call executor refused it", callKey);
        }
    }
}
