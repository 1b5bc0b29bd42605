package org.switchboard.net.rtp;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.dtmf.DtmfDigit;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.media.dtmf.DtmfSource;

/**
 * A call's {@link LegAudioListener} as the event loop calls it: each event is handed to the
 * call's executor and the loop goes on at once, so a slow or failing listener never delays a
 * packet. An executor that refuses (the call has ended) drops the event.
 */
record CallListener(LegAudioListener target, Executor executor, String legId) implements LegAudioListener {

    private static final Logger log = LoggerFactory.getLogger(CallListener.class);

    CallListener {
        Objects.requireNonNull(target, "listener");
        Objects.requireNonNull(executor, "callExecutor");
    }

    @Override
    public void onDigit(DtmfEvent event) {
        hop(() -> target.onDigit(event));
    }

    @Override
    public void onDigitStart(DtmfDigit digit, DtmfSource source) {
        hop(() -> target.onDigitStart(digit, source));
    }

    @Override
    public void onSourceFinished(AudioSource source) {
        hop(() -> target.onSourceFinished(source));
    }

    @Override
    public void onDtmfSent(DtmfDigit digit) {
        hop(() -> target.onDtmfSent(digit));
    }

    private void hop(Runnable event) {
        try {
            executor.execute(() -> {
                try {
                    event.run();
                } catch (RuntimeException e) {
                    log.warn("media listener of leg {} failed", legId, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("media event of leg {} dropped: its call executor refused it", legId);
        }
    }
}
