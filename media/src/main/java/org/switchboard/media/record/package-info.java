/**
 * Call recording in the media layer: one stereo WAV per recording, the caller on the left and
 * the callee on the right, fed by a tap on the call's two endpoints whatever their mode.
 *
 * <ul>
 *   <li>{@link org.switchboard.media.record.CallTap}: the handle that
 *       {@code MediaEndpoints#tap} returns; module {@code net} sees each phone's RTP, decrypted,
 *       on the endpoints' shared event loop, relayed or terminated, and ticks the recorder from that
 *       loop's media clock. An endpoint without a tap pays one null check per packet.</li>
 *   <li>{@link org.switchboard.media.record.StereoRecorder}: sans-IO, packets and times in, one
 *       stereo frame out every 20 ms; per party a jitter buffer, the decoder of its codec and a
 *       resampler to the recording rate (8 kHz, or 16 kHz when either party is wideband). Armed
 *       (no sink) it parses only RFC 4733 telephone-event packets and reports key presses, the
 *       ground of an on-demand feature code.</li>
 *   <li>{@link org.switchboard.media.record.StereoWavSink}: the durable file
 *       ({@link org.switchboard.media.wav.WavWriter}: temporary name, fsync, atomic rename); a full
 *       disk fails the sink, the recorder lets go of it and says so once, the call goes on.</li>
 * </ul>
 *
 * Written here rather than taken from a library for the reason of the parts it assembles (rtp,
 * jitter, dtmf, codec): no maintained Java library records from an RTP relay; this is wiring.
 */
package org.switchboard.media.record;
