/**
 * Signal processing on 16-bit mono PCM: measuring tones ({@link org.switchboard.media.dsp.Goertzel}),
 * resampling between 8, 16 and 48 kHz, mixing, tone generation and levels. Written here because
 * these are small classic algorithms that must not allocate per frame; no maintained Java
 * library offers them in that form.
 */
package org.switchboard.media.dsp;
