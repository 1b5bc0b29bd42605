package org.switchboard.media.channel;

import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.Level;

/** Test signals and measurements: sines with continuous phase, and tone levels by Goertzel. */
final class Tones {

    private Tones() { }

    /** {@code samples} of a sine of {@code hz} at {@code dbfs}, starting at sample {@code from} of an endless sine. */
    static short[] sine(double hz, double dbfs, int rate, long from, int samples) {
        short[] out = new short[samples];
        double peak = Level.sinePeak(dbfs);
        for (int i = 0; i < samples; i++) {
            out[i] = (short) Math.round(peak * Math.sin(2 * Math.PI * hz * (from + i) / rate));
        }
        return out;
    }

    /** The level of {@code hz} in {@code pcm[from, to)}, dB relative to a full-scale sine. */
    static double levelDb(short[] pcm, int from, int to, double hz, int rate) {
        return new Goertzel(hz, rate).powerDb(pcm, from, to - from);
    }

    /** The RMS level of {@code pcm[from, to)} in dBFS. */
    static double rmsDb(short[] pcm, int from, int to) {
        return Level.rmsDbfs(pcm, from, to - from);
    }
}
