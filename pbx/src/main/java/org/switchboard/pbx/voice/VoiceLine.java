package org.switchboard.pbx.voice;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.switchboard.media.channel.AudioSink;
import org.switchboard.media.channel.AudioSource;

/**
 * A caller the server answered itself, as an application sees it. The media side is a
 * terminated leg ({@code MediaChannel}): the methods that act on audio return at once and are
 * applied on the media thread in order; {@link #next} blocks the application's virtual thread
 * until something happens. Every key press, the end of what plays and the hang-up arrive as
 * {@link VoiceEvent}s in one queue, in order.
 *
 * <p>After the caller hung up, the audio methods do nothing and {@link #next} returns
 * {@link VoiceEvent.HungUp} at once, every time.
 */
public interface VoiceLine {

    /** Who called and what they dialled. */
    VoiceCaller caller();

    /** The rate of the leg's codec in Hz (8000 for G.711, 16000 for G.722): recordings keep it. */
    int sampleRate();

    /** Plays {@code source} to the caller, replacing what played; the line owns and closes it. */
    void play(AudioSource source);

    /** Stops what plays; silence follows. */
    void stopPlaying();

    /** Hands what the caller says to {@code sink} at the sink's rate, until {@link #stopRecording}. */
    void record(AudioSink sink);

    /** Stops writing to {@code sink}; completes once no write will come any more (then commit or abort it). */
    CompletionStage<Void> stopRecording(AudioSink sink);

    /**
     * The next event, waiting at most {@code timeout}; {@link VoiceEvent.Timeout} when none came.
     *
     * @throws InterruptedException when the application's thread is interrupted (the server stops)
     */
    VoiceEvent next(Duration timeout) throws InterruptedException;

    /** Adds an event of the application's own to the queue; callable from any thread (a sink's, too). */
    void post(VoiceEvent event);

    /** Drops the key presses that are queued and not yet read (before a question whose answer must be fresh). */
    void clearDigits();
}
