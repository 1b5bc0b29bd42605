/**
 * The adaptive jitter buffer for legs that end in the server (prompts with barge-in, voicemail,
 * recording, conferences): packets and times in, frames to decode, conceal or fill with silence
 * out ({@link org.switchboard.media.jitter.JitterBuffer}). Never on the relay fast path, where
 * the phones' own buffers do this work.
 *
 * <p>Written here rather than taken from a library: the maintained ones are inside media servers
 * in C/C++ (WebRTC NetEq, Asterisk's {@code jitterbuf.c}, FreeSWITCH's {@code stfu}) and decode
 * as they go; this one is sans-IO, codec-agnostic, allocation-free per packet, and about the
 * size of a codec. It follows their shared ideas: relative transit times (RFC 3550 §A.8), a
 * high percentile over a window for the target, delay changes at talkspurt starts, concealment
 * for losses and silence for pauses.
 */
package org.switchboard.media.jitter;
