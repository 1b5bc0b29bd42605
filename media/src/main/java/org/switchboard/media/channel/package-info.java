/**
 * Media legs that end in the server: prompts and music played to a phone, its voice recorded,
 * its key presses understood, and transcoding between two legs without a common codec.
 *
 * <ul>
 *   <li>{@link org.switchboard.media.channel.LegAudio}: the per-leg engine, sans-IO and on one
 *       thread: RTP in through the jitter buffer and the decoder to
 *       {@link org.switchboard.media.channel.AudioSink}s and the DTMF detectors; an
 *       {@link org.switchboard.media.channel.AudioSource} (or silence) encoded into paced RTP out,
 *       with RFC 4733 key presses and RTCP reports. Configured by
 *       {@link org.switchboard.media.channel.LegAudioConfig} (what offer/answer settled), tells a
 *       {@link org.switchboard.media.channel.LegAudioListener}.</li>
 *   <li>Sources: {@link org.switchboard.media.channel.WavSource} (a WAV file, once or looped),
 *       {@link org.switchboard.media.channel.ToneSource}, {@link org.switchboard.media.channel.SequenceSource}
 *       (prompts one after another), {@link org.switchboard.media.channel.ResampledSource} (any rate
 *       to any). Sink: {@link org.switchboard.media.channel.WavSink} (a durable recording).</li>
 *   <li>{@link org.switchboard.media.channel.PcmBridge}: two legs hearing each other through PCM.</li>
 *   <li>{@link org.switchboard.media.channel.MediaChannel}: the handle the call holds once
 *       {@code MediaEndpoint#terminate} switched an endpoint from relaying to terminating; module
 *       {@code net} implements it on the endpoint's event loop.</li>
 * </ul>
 *
 * Written here rather than taken from a media server library for the reasons of the packages it
 * assembles (rtp, jitter, dtmf, codec): they are the parts; this is the wiring, a few hundred lines.
 */
package org.switchboard.media.channel;
