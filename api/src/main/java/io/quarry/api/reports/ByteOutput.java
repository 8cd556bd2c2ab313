package io.quarry.api.reports;

import java.util.Arrays;

/**
 * The bytes a stream's encoder writes, reused from chunk to chunk: a plain growable array without
 * the locks and checks of a stream, which the encoders fill directly.
 */
final class ByteOutput {

    private byte[] bytes;
    private int size;

    ByteOutput(int capacity) {
        this.bytes = new byte[capacity];
    }

    int size() {
        return size;
    }

    /** The buffer itself: the first {@link #size()} bytes are written. */
    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    void write(int b) {
        if (size == bytes.length) {
            grow(1);
        }
        bytes[size++] = (byte) b;
    }

    void write(byte[] source) {
        write(source, 0, source.length);
    }

    void write(byte[] source, int offset, int length) {
        if (bytes.length - size < length) {
            grow(length);
        }
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    private void grow(int length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
    }
}
