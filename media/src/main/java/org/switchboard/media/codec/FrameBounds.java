package org.switchboard.media.codec;

/**
 * Argument checks shared by the codecs of this package. A range that does not fit its array is a
 * programming error of the caller (the pipeline sizes its buffers), so it throws
 * {@link IllegalArgumentException} with the figures; payload content never reaches these checks.
 */
final class FrameBounds {

    private FrameBounds() { }

    /** Requires {@code pcm[offset, offset + samples)} to exist. */
    static void requirePcm(short[] pcm, int offset, int samples, String codec) {
        if (offset < 0 || samples < 0 || offset > pcm.length - samples) {
            throw new IllegalArgumentException(codec + ": " + samples + " samples at offset " + offset
                    + " do not fit a PCM buffer of " + pcm.length);
        }
    }

    /** Requires {@code bytes[offset, offset + length)} to exist. */
    static void requireBytes(byte[] bytes, int offset, int length, String codec) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IllegalArgumentException(codec + ": " + length + " bytes at offset " + offset
                    + " do not fit a buffer of " + bytes.length);
        }
    }
}
