package org.switchboard.media.codec.opus;

import org.switchboard.media.dsp.Goertzel;

/** Test signals and what a codec made of them, measured as physics: power at one frequency. */
final class Tones {

    /** {@code samples} of a sine of {@code hz} at {@code amplitude} (of 32767), phase 0 at sample 0. */
    static short[] sine(double hz, int sampleRate, double amplitude, int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / sampleRate));
        }
        return pcm;
    }

    /** Level of {@code hz} in dB relative to a full-scale sine. */
    static double levelDb(short[] pcm, int offset, int length, double hz, int sampleRate) {
        return new Goertzel(hz, sampleRate).powerDb(pcm, offset, length);
    }

    /** The share of the block's energy that lies at {@code hz}: 1.0 for a pure tone. */
    static double energyShare(short[] pcm, int offset, int length, double hz, int sampleRate) {
        double sumSquares = 0;
        for (int i = offset; i < offset + length; i++) {
            sumSquares += (double) pcm[i] * pcm[i];
        }
        if (sumSquares == 0) {
            return 0;
        }
        // A full-scale sine's mean square is 32767^2 / 2; Goertzel normalises to that sine.
        double meanSquareAsSinePower = sumSquares / length / (32767.0 * 32767.0 / 2);
        return new Goertzel(hz, sampleRate).power(pcm, offset, length) / meanSquareAsSinePower;
    }

    private Tones() { }
}
