package org.switchboard.media.wav;

/**
 * The sample encodings {@link WavReader} reads, by their WAVE format tag (RFC 2361 appendix A;
 * Microsoft's {@code mmreg.h}).
 */
public enum WavEncoding {
    /** Format 1, 16 bits: signed little-endian linear PCM. */
    PCM_16(1, 16),
    /** Format 1, 8 bits: unsigned linear PCM, 128 is zero. */
    PCM_8_UNSIGNED(1, 8),
    /** Format 6: G.711 A-law, one byte per sample. */
    A_LAW(6, 8),
    /** Format 7: G.711 µ-law, one byte per sample. */
    MU_LAW(7, 8);

    private final int formatTag;
    private final int bitsPerSample;

    WavEncoding(int formatTag, int bitsPerSample) {
        this.formatTag = formatTag;
        this.bitsPerSample = bitsPerSample;
    }

    /** The {@code wFormatTag} of the fmt chunk (or of the extensible sub-format). */
    public int formatTag() {
        return formatTag;
    }

    public int bitsPerSample() {
        return bitsPerSample;
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }
}
