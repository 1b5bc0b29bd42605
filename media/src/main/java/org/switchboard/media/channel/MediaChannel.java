package org.switchboard.media.channel;

import java.util.concurrent.CompletionStage;
import org.switchboard.media.dtmf.DtmfDigit;

/**
 * A media endpoint switched to TERMINATED: its phone's packets end in the server (a
 * {@link LegAudio}) and what the phone hears is made here, instead of being relayed to and from
 * the other leg. Obtained from {@code MediaEndpoint#terminate}; used by the call that owns the
 * endpoint.
 *
 * <p>Methods may be called from any thread and return at once; each is applied on the leg's
 * media thread, in the order called. Events reach the {@link LegAudioListener} given to
 * {@code terminate} on the call's executor, never on a media thread. A handle goes dead when
 * {@link #relay()} returns the endpoint to relaying, when the endpoint is terminated again, or
 * when it closes: then it does nothing (a source given to {@link #play} is closed at once).
 */
public interface MediaChannel {

    /** The leg this channel serves. */
    String legId();

    /** What the leg was terminated with; its SSRC the one the phone hears ({@code MediaEndpoint#terminate}). */
    LegAudioConfig config();

    /**
     * Plays {@code source} to the phone, replacing what played; the channel owns and closes it.
     * {@link LegAudioListener#onSourceFinished} tells when it ended by itself; silence follows.
     */
    void play(AudioSource source);

    /** Stops what plays; silence follows. */
    void stopPlaying();

    /** Hands what the phone says to {@code sink}, at its rate, until {@link #stopRecording}. */
    void record(AudioSink sink);

    /**
     * Stops writing to {@code sink}. The stage completes once no more writes will come (on the
     * media thread): the owner may then commit or abort it, on its own thread.
     */
    CompletionStage<Void> stopRecording(AudioSink sink);

    /**
     * Sends a key press to the phone: RFC 4733 events if telephone-event was negotiated, else
     * its tones in the audio; queued behind earlier presses.
     *
     * @throws IllegalArgumentException when the duration is not 40..600000 ms
     */
    void sendDtmf(DtmfDigit digit, int durationMillis);

    /**
     * Connects this leg's audio with {@code other}'s, both ways, through PCM ({@link PcmBridge}):
     * the transcoding path for two legs of one call without a common codec.
     *
     * @throws IllegalArgumentException when {@code other} is this channel, or a channel of another
     *                                  media layer or another call (legs must share a call key)
     */
    void connect(MediaChannel other);

    /** Undoes {@link #connect}; both legs fall silent until told to play something. */
    void disconnect();

    /** The leg's figures; completes with the last ones once the channel is dead. */
    CompletionStage<LegAudioStats> stats();

    /**
     * Returns the endpoint to relaying (the latch stays as learned): closes what plays, lets go
     * of the sinks. The phone's stream goes on, so no RTCP BYE is sent: the relayed packets
     * continue this channel's SSRC and numbering ({@code MediaEndpoint#terminate}). Completes once
     * applied; the handle is then dead.
     */
    CompletionStage<Void> relay();

    /** False once the handle is dead (see the class comment). */
    boolean isTerminated();
}
