package org.switchboard.pbx.b2bua;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.media.channel.AudioSource;
import org.switchboard.media.channel.LegAudioListener;
import org.switchboard.media.channel.MediaChannel;
import org.switchboard.media.dtmf.DtmfEvent;
import org.switchboard.pbx.voice.VoiceCaller;
import org.switchboard.pbx.voice.VoiceEvent;
import org.switchboard.pbx.voice.VoiceLine;

/**
 * The {@link VoiceLine} of a caller the server answered ({@link ServerAnswer}), over the caller's
 * terminated media ({@link MediaChannel}). One queue holds every event in the order it happened:
 * key presses from the channel (RFC 4733 events or in-band tones) and from SIP INFO, the end of
 * what played, the application's own notices and the hang-up.
 *
 * <p>Once the caller is gone ({@link #hangUp}) the audio methods do nothing, a source given to
 * {@link #play} is closed at once, and after the events queued before the hang-up
 * {@link #next} answers {@link VoiceEvent.HungUp} at once, every time.
 *
 * <p>The listener methods run on the call's executor; the {@link VoiceLine} methods on the
 * application's thread (and {@link #post} on any).
 */
final class AnsweredLine implements VoiceLine, LegAudioListener {
    private static final Logger LOG = LoggerFactory.getLogger(AnsweredLine.class);
    private static final VoiceEvent HUNG_UP = new VoiceEvent.HungUp();

    private final VoiceCaller caller;
    private final MediaChannel channel;
    private final BlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();
    /** The caller hung up (or the server ended the call): the audio methods do nothing. */
    private volatile boolean gone;
    /** The application has read {@link VoiceEvent.HungUp}: nothing follows. */
    private volatile boolean over;

    AnsweredLine(VoiceCaller caller, MediaChannel channel) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public VoiceCaller caller() { return caller; }

    @Override
    public int sampleRate() { return channel.config().codec().sampleRate(); }

    @Override
    public void play(AudioSource source) {
        Objects.requireNonNull(source, "source");
        if (gone) {
            source.close();
            return;
        }
        try {
            channel.play(source);
        } catch (RuntimeException e) {
            source.close();
            LOG.info("Leg {}: cannot play {}: {}", channel.legId(), source, e.getMessage());
        }
    }

    @Override
    public void stopPlaying() {
        if (!gone) channel.stopPlaying();
    }

    @Override
    public void record(AudioSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (gone) return;
        try {
            channel.record(sink);
        } catch (RuntimeException e) {
            LOG.info("Leg {}: cannot record to {}: {}", channel.legId(), sink, e.getMessage());
        }
    }

    /** Completes at once when the channel is dead (the caller hung up): a dead channel writes nothing more. */
    @Override
    public CompletionStage<Void> stopRecording(AudioSink sink) {
        return channel.stopRecording(Objects.requireNonNull(sink, "sink"));
    }

    @Override
    public VoiceEvent next(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (over) return HUNG_UP;
        VoiceEvent event = events.poll(nanos(timeout), TimeUnit.NANOSECONDS);
        if (event == null) return new VoiceEvent.Timeout();
        if (event instanceof VoiceEvent.HungUp) over = true;
        return event;
    }

    /** The timeout in nanoseconds, 0 for a negative one, the longest wait for one beyond 292 years. */
    private static long nanos(Duration timeout) {
        if (timeout.isNegative()) return 0;
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void post(VoiceEvent event) {
        Objects.requireNonNull(event, "event");
        if (!gone) events.add(event);
    }

    @Override
    public void clearDigits() {
        events.removeIf(e -> e instanceof VoiceEvent.Digit);
    }

    /** A key press that came by SIP INFO (RFC 6086 legacy DTMF) or from the channel. */
    void digit(char key) {
        post(new VoiceEvent.Digit(key));
    }

    /** The caller hung up, or the server ends the call: HungUp is queued, once. */
    void hangUp() {
        if (gone) return;
        gone = true;
        events.add(HUNG_UP);
    }

    /** Whether the caller is gone. */
    boolean gone() { return gone; }

    @Override
    public void onDigit(DtmfEvent event) {
        digit(event.digit().symbol());
    }

    @Override
    public void onSourceFinished(AudioSource source) {
        post(new VoiceEvent.PlayFinished(source));
    }
}
