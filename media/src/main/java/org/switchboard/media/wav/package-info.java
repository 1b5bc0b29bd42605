/**
 * WAV files (RIFF/WAVE) for prompts, greetings, voicemail and call recordings:
 * {@link org.switchboard.media.wav.WavReader} reads what administrators upload (16/8-bit PCM,
 * G.711 A-law and µ-law, extensible headers) as 16-bit PCM, streaming;
 * {@link org.switchboard.media.wav.WavWriter} writes 16-bit PCM durably (temporary name, fsync,
 * atomic rename). Written here rather than with {@code javax.sound.sampled}: that lives in the
 * {@code java.desktop} module, reads whole streams through its own conversions, gives vague errors
 * for damaged files and has no notion of a durable write; the format itself is small.
 */
package org.switchboard.media.wav;
