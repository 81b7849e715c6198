package org.tunnelcodec.core;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable sequence of bytes with value equality, for the opaque parts of headers
 * (options, authentication data, unknown components) that records keep. Records never hold
 * a {@code byte[]}, because arrays break record equality.
 */
public final class ByteString implements Comparable<ByteString> {
    /** The empty byte string. */
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns a byte string holding a copy of {@code bytes}.
     *
     * @param bytes the bytes, copied
     * @return a byte string holding a copy of {@code bytes}
     */
    public static ByteString of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new ByteString(bytes.clone());
    }

    /**
     * Copies {@code length} bytes at absolute {@code index} of {@code src}; the buffer's
     * position, limit and order are not touched.
     *
     * @param src the buffer
     * @param index the absolute index of the first byte
     * @param length the number of bytes
     * @return the copied bytes
     * @throws IndexOutOfBoundsException if the range is outside the buffer's limit
     */
    public static ByteString copyOf(ByteBuffer src, int index, int length) {
        Objects.checkFromIndexSize(index, length, src.limit());
        if (length == 0) {
            return EMPTY;
        }
        byte[] b = new byte[length];
        src.get(index, b, 0, length);
        return new ByteString(b);
    }

    /**
     * Returns the remaining bytes of {@code src}, copied; {@code src} is not moved.
     *
     * @param src the buffer
     * @return the remaining bytes of {@code src}, copied; {@code src} is not moved
     */
    public static ByteString copyOf(ByteBuffer src) {
        return copyOf(src, src.position(), src.remaining());
    }

    /**
     * Returns the bytes written as hexadecimal digits, for example {@code "01ab"}.
     *
     * @param hex hexadecimal digits, an even number of them, either case
     * @return the bytes written as hexadecimal digits, for example {@code "01ab"}
     */
    public static ByteString fromHex(CharSequence hex) {
        return of(HEX.parseHex(hex));
    }

    /**
     * Returns the number of bytes.
     *
     * @return the number of bytes
     */
    public int length() {
        return bytes.length;
    }

    /**
     * Returns whether there are no bytes.
     *
     * @return whether there are no bytes
     */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /**
     * Returns the unsigned value of the byte at {@code index}.
     *
     * @param index the absolute index of the first byte
     * @return the unsigned value of the byte at {@code index}
     */
    public int byteAt(int index) {
        return bytes[index] & 0xFF;
    }

    /**
     * Returns a copy of the bytes.
     *
     * @return a copy of the bytes
     */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /**
     * Returns a read-only big-endian buffer over the bytes, without copying them.
     *
     * @return a read-only big-endian buffer over the bytes, without copying them
     */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /**
     * Writes the bytes at absolute {@code index} of {@code dst}; its position is not moved.
     *
     * @param dst the destination
     * @param index the absolute index of the first byte
     * @return the number of bytes written
     */
    public int writeTo(ByteBuffer dst, int index) {
        dst.put(index, bytes);
        return bytes.length;
    }

    /**
     * Returns the bytes as lower-case hexadecimal digits.
     *
     * @return the bytes as lower-case hexadecimal digits
     */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(ByteString o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    /**
     * Returns the bytes in hexadecimal, for example {@code "0x01ab"}, or {@code "0x"} when empty.
     *
     * @return the bytes in hexadecimal, for example {@code "0x01ab"}, or {@code "0x"} when empty
     */
    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
