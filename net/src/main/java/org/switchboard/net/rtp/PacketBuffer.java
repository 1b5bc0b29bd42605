package org.switchboard.net.rtp;

import io.netty.buffer.ByteBuf;
import org.jitsi.utils.ByteArrayBuffer;

/**
 * A packet as jitsi-srtp transforms it: a window on the backing array of a heap
 * {@link ByteBuf} that was allocated with room for the tag the transform appends. The window
 * starts at the buffer's reader index; {@link #commit()} hands the new length back.
 */
final class PacketBuffer implements ByteArrayBuffer {
    private final ByteBuf buf;
    private final byte[] array;
    private final int base;
    private final int capacity;
    private int offset;
    private int length;

    private PacketBuffer(ByteBuf buf) {
        this.buf = buf;
        this.array = buf.array();
        this.base = buf.arrayOffset();
        this.offset = base + buf.readerIndex();
        this.length = buf.readableBytes();
        this.capacity = buf.capacity();
    }

    /** A view of the readable bytes of {@code heap}, which must have an accessible array. */
    static PacketBuffer of(ByteBuf heap) {
        if (!heap.hasArray()) throw new IllegalArgumentException("a heap buffer is needed");
        return new PacketBuffer(heap);
    }

    /** Makes the buffer's readable bytes those of this window. */
    ByteBuf commit() {
        return buf.setIndex(offset - base, offset - base + length);
    }

    @Override
    public byte[] getBuffer() { return array; }

    @Override
    public int getOffset() { return offset; }

    @Override
    public int getLength() { return length; }

    @Override
    public void setLength(int len) {
        if (len < 0 || offset - base + len > capacity) throw new IllegalArgumentException("length out of the buffer");
        length = len;
    }

    @Override
    public void setOffset(int off) {
        if (off < base || off - base + length > capacity) throw new IllegalArgumentException("offset out of the buffer");
        offset = off;
    }

    @Override
    public boolean isInvalid() { return false; }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
        System.arraycopy(array, offset + off, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (offset - base + length + howMuch > capacity) {
            throw new IllegalStateException("no room for " + howMuch + " more bytes in a transformed packet");
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, array, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        if (len <= 0) return;
        length = Math.max(0, length - len);
    }

    /** Removes {@code count} bytes that sit {@code before} bytes from the end (the MKI before the tag). */
    void cut(int count, int before) {
        int end = offset + length;
        System.arraycopy(array, end - before, array, end - before - count, before);
        length -= count;
    }

    /** Byte {@code index} of the window, 0-255. */
    int unsigned(int index) { return array[offset + index] & 0xFF; }

    /** The big-endian 32-bit word at {@code index}. */
    int word(int index) {
        int i = offset + index;
        return (array[i] & 0xFF) << 24 | (array[i + 1] & 0xFF) << 16 | (array[i + 2] & 0xFF) << 8 | (array[i + 3] & 0xFF);
    }
}
