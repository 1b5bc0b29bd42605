package org.switchboard.media.rtp;

/**
 * A cursor over the elements of an RFC 8285 header extension, reusable without allocation:
 * {@link #reset(RtpView)}, then {@code while (next())} read {@link #id()}, {@link #dataOffset()}
 * and {@link #dataLength()}.
 *
 * <p>One-byte form (profile 0xBEDE, §4.2): a byte of ID (4 bits) and length − 1 (4 bits), then
 * the data; ID 0 is a padding byte and ID 15 ends the list. Two-byte form (profile 0x100 in the
 * top 12 bits, the low 4 "appbits" free, §4.3): a byte of ID, a byte of length (0..255), the
 * data; ID 0 with no length byte is padding. An element that runs past the extension stops the
 * walk and sets {@link #malformed()}; the RTP packet itself stays valid.
 */
public final class RtpExtensionElements {

    /** RFC 8285 §4.2 "defined by profile" value of the one-byte form. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** RFC 8285 §4.3 value of the two-byte form's top 12 bits. */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    private byte[] buffer;
    private int position;
    private int end;
    private boolean twoByte;
    private int id;
    private int dataOffset;
    private int dataLength;
    private boolean malformed;

    /**
     * Starts a walk over {@code view}'s extension. Returns false, and {@link #next()} will too,
     * when the view is invalid or carries no RFC 8285 extension.
     */
    public boolean reset(RtpView view) {
        malformed = false;
        id = 0;
        dataOffset = 0;
        dataLength = 0;
        int profile = view.isValid() ? view.extensionProfile() : RtpView.NO_EXTENSION;
        boolean oneByte = profile == ONE_BYTE_PROFILE;
        twoByte = (profile & 0xFFF0) == TWO_BYTE_PROFILE;
        if (!oneByte && !twoByte) {
            buffer = null;
            position = end = 0;
            return false;
        }
        buffer = view.buffer();
        position = view.extensionOffset();
        end = position + view.extensionLength();
        return true;
    }

    /** Moves to the next element; false at the end of the list or on a malformed element. */
    public boolean next() {
        while (position < end) {
            int first = buffer[position] & 0xFF;
            if (first == 0) {
                position++;
                continue;
            }
            int header;
            int len;
            if (twoByte) {
                if (position + 1 >= end) {
                    return stop(true);
                }
                header = 2;
                len = buffer[position + 1] & 0xFF;
                id = first;
            } else {
                id = first >>> 4;
                if (id == 15) {
                    return stop(false);
                }
                header = 1;
                len = (first & 0x0F) + 1;
            }
            if (position + header + len > end) {
                return stop(true);
            }
            dataOffset = position + header;
            dataLength = len;
            position += header + len;
            return true;
        }
        return false;
    }

    private boolean stop(boolean bad) {
        malformed = bad;
        position = end;
        id = 0;
        dataLength = 0;
        return false;
    }

    /** The current element's ID (1..14 one-byte, 1..255 two-byte). */
    public int id() {
        return id;
    }

    /** Where the current element's data starts in the view's buffer. */
    public int dataOffset() {
        return dataOffset;
    }

    /** The current element's data length in bytes. */
    public int dataLength() {
        return dataLength;
    }

    /** Whether the walk stopped on an element that runs past the extension. */
    public boolean malformed() {
        return malformed;
    }

    /** Whether the extension uses the two-byte form. */
    public boolean twoByteForm() {
        return twoByte;
    }
}
