package org.switchboard.media.dsp;

/** The resampler between equal rates: a copy, no delay. */
final class SameRateResampler implements Resampler {

    private final int rate;

    SameRateResampler(int rate) {
        this.rate = rate;
    }

    @Override
    public int fromRate() {
        return rate;
    }

    @Override
    public int toRate() {
        return rate;
    }

    @Override
    public int process(short[] in, int inOffset, int inLength, short[] out, int outOffset) {
        System.arraycopy(in, inOffset, out, outOffset, inLength);
        return inLength;
    }

    @Override
    public int maxOutput(int inputLength) {
        return inputLength;
    }

    @Override
    public double delayMillis() {
        return 0;
    }

    @Override
    public void reset() { }
}
