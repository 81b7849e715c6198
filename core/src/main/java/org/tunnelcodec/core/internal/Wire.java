package org.tunnelcodec.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * Absolute big-endian reads and writes that ignore the buffer's byte order and never move
 * its position, plus the bounds checks every decoder makes before it reads. Not API.
 */
public final class Wire {
    private Wire() {
    }

    /**
     * Returns the unsigned byte at {@code index}.
     *
     * @return the unsigned byte at {@code index}
     */
    public static int u8(ByteBuffer b, int index) {
        return b.get(index) & 0xFF;
    }

    private static final VarHandle ARRAY_I16 =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle ARRAY_I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle ARRAY_I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Returns the array to read {@code b} through with the array-path reads below: its backing
     * array when it has one that may be read (a heap buffer that is not read-only), else
     * {@code null}, and the reads go through the buffer. A data path that makes many reads of
     * one buffer takes the array once; each array read then costs one array bounds check
     * instead of the buffer's index, scope and byte-order steps. The caller's own range checks
     * keep every read below {@code b.limit()}, so the array reads see what the buffer's would.
     *
     * @param b the buffer
     * @return its backing array, or {@code null}
     */
    public static byte[] array(ByteBuffer b) {
        return b.hasArray() ? b.array() : null;
    }

    /**
     * Returns what to add to a buffer index to index {@link #array(ByteBuffer)}: the buffer's
     * array offset, or 0 without an array.
     *
     * @param b the buffer
     * @param a {@code array(b)}
     * @return the shift
     */
    public static int shift(ByteBuffer b, byte[] a) {
        return a != null ? b.arrayOffset() : 0;
    }

    /**
     * Returns the unsigned 8-bit value at {@code index}, through {@code a} when it is not null.
     *
     * @param b the buffer
     * @param a {@code array(b)}
     * @param shift {@code shift(b, a)}
     * @param index the buffer index
     * @return the value
     */
    public static int u8(ByteBuffer b, byte[] a, int shift, int index) {
        return a != null ? a[shift + index] & 0xFF : u8(b, index);
    }

    /**
     * Returns the unsigned big-endian 16-bit value at {@code index}, through {@code a} when it
     * is not null.
     *
     * @param b the buffer
     * @param a {@code array(b)}
     * @param shift {@code shift(b, a)}
     * @param index the buffer index
     * @return the value
     */
    public static int u16(ByteBuffer b, byte[] a, int shift, int index) {
        return a != null ? (short) ARRAY_I16.get(a, shift + index) & 0xFFFF : u16(b, index);
    }

    /**
     * Returns the big-endian 32-bit value at {@code index}, through {@code a} when it is not null.
     *
     * @param b the buffer
     * @param a {@code array(b)}
     * @param shift {@code shift(b, a)}
     * @param index the buffer index
     * @return the value
     */
    public static int i32(ByteBuffer b, byte[] a, int shift, int index) {
        return a != null ? (int) ARRAY_I32.get(a, shift + index) : i32(b, index);
    }

    /**
     * Returns the big-endian 64-bit value at {@code index}, through {@code a} when it is not null.
     *
     * @param b the buffer
     * @param a {@code array(b)}
     * @param shift {@code shift(b, a)}
     * @param index the buffer index
     * @return the value
     */
    public static long i64(ByteBuffer b, byte[] a, int shift, int index) {
        return a != null ? (long) ARRAY_I64.get(a, shift + index) : i64(b, index);
    }

    /**
     * Writes one byte at {@code index}, through {@code a} when it is not null. The array path
     * makes none of the buffer's checks: the caller has checked the range against the limit.
     *
     * @param b the buffer
     * @param a {@code array(b)}
     * @param shift {@code shift(b, a)}
     * @param index the buffer index
     * @param v the value
     */
    public static void put8(ByteBuffer b, byte[] a, int shift, int index, int v) {
        if (a != null) {
            a[shift + index] = (byte) v;
        } else {
            put8(b, index, v);
        }
    }

    /**
     * Writes a big-endian 16-bit value at {@code index}, as {@link #put8(ByteBuffer, byte[], int, int, int)}.
     *
     * @param b the buffer
     * @param a {@code array(b)}
     * @param shift {@code shift(b, a)}
     * @param index the buffer index
     * @param v the value
     */
    public static void put16(ByteBuffer b, byte[] a, int shift, int index, int v) {
        if (a != null) {
            ARRAY_I16.set(a, shift + index, (short) v);
        } else {
            put16(b, index, v);
        }
    }

    /**
     * Writes a big-endian 32-bit value at {@code index}, as {@link #put8(ByteBuffer, byte[], int, int, int)}.
     *
     * @param b the buffer
     * @param a {@code array(b)}
     * @param shift {@code shift(b, a)}
     * @param index the buffer index
     * @param v the value, its low 32 bits
     */
    public static void put32(ByteBuffer b, byte[] a, int shift, int index, long v) {
        if (a != null) {
            ARRAY_I32.set(a, shift + index, (int) v);
        } else {
            put32(b, index, v);
        }
    }

    /**
     * Writes a big-endian 64-bit value at {@code index}, as {@link #put8(ByteBuffer, byte[], int, int, int)}.
     *
     * @param b the buffer
     * @param a {@code array(b)}
     * @param shift {@code shift(b, a)}
     * @param index the buffer index
     * @param v the value
     */
    public static void put64(ByteBuffer b, byte[] a, int shift, int index, long v) {
        if (a != null) {
            ARRAY_I64.set(a, shift + index, v);
        } else {
            put64(b, index, v);
        }
    }

    /**
     * Returns the unsigned big-endian 16-bit value at {@code index}.
     *
     * @return the unsigned big-endian 16-bit value at {@code index}
     */
    public static int u16(ByteBuffer b, int index) {
        // Two byte reads need no byte-order test; the JIT merges their bounds checks.
        return (b.get(index) & 0xFF) << 8 | (b.get(index + 1) & 0xFF);
    }

    /**
     * Returns the big-endian 32-bit value at {@code index}.
     *
     * @return the big-endian 32-bit value at {@code index}
     */
    public static int i32(ByteBuffer b, int index) {
        int v = b.getInt(index);
        return b.order() == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v);
    }

    /**
     * Returns the unsigned big-endian 32-bit value at {@code index}.
     *
     * @return the unsigned big-endian 32-bit value at {@code index}
     */
    public static long u32(ByteBuffer b, int index) {
        return i32(b, index) & 0xFFFF_FFFFL;
    }

    /**
     * Returns the big-endian 64-bit value at {@code index}.
     *
     * @return the big-endian 64-bit value at {@code index}
     */
    public static long i64(ByteBuffer b, int index) {
        long v = b.getLong(index);
        return b.order() == ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v);
    }

    /** Writes one byte at {@code index}. */
    public static void put8(ByteBuffer b, int index, int v) {
        b.put(index, (byte) v);
    }

    /** Writes a big-endian 16-bit value at {@code index}. */
    public static void put16(ByteBuffer b, int index, int v) {
        short s = (short) v;
        b.putShort(index, b.order() == ByteOrder.BIG_ENDIAN ? s : Short.reverseBytes(s));
    }

    /** Writes a big-endian 32-bit value at {@code index}. */
    public static void put32(ByteBuffer b, int index, long v) {
        int i = (int) v;
        b.putInt(index, b.order() == ByteOrder.BIG_ENDIAN ? i : Integer.reverseBytes(i));
    }

    /** Writes a big-endian 64-bit value at {@code index}. */
    public static void put64(ByteBuffer b, int index, long v) {
        b.putLong(index, b.order() == ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v));
    }

    /**
     * Checks that {@code [index, index + length)} lies before {@code limit}, with arithmetic
     * that cannot overflow.
     *
     * @param protocol the protocol, for the exception
     * @param field    the field that needs the bytes
     * @param base     the start of the decoded region (offsets in the exception count from it)
     * @param index    the absolute index of the field
     * @param length   the bytes the field needs
     * @param limit    the end of the readable region
     * @throws MalformedPacketException ({@code TRUNCATED}) if the bytes are not there
     */
    public static void require(String protocol, String field, int base, int index, long length,
                               int limit) {
        if ((long) index + length > limit) {
            throw MalformedPacketException.truncated(protocol, field, (long) index - base, length,
                    Math.max(0, (long) limit - index));
        }
    }

    /**
     * Checks that an encoder's destination has room for {@code length} bytes at its position.
     *
     * @throws IllegalArgumentException if it has not
     */
    public static void requireRoom(ByteBuffer dst, int length) {
        if (dst.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        if (dst.remaining() < length) {
            throw new IllegalArgumentException("dst.remaining(): " + dst.remaining()
                    + " (expected: >= " + length + ")");
        }
    }

    /**
     * Turns the {@link IndexOutOfBoundsException} of a peek's single buffer read into the
     * right exception: a {@code TRUNCATED} {@link MalformedPacketException} when
     * {@code index} lies within the buffer and the field runs past its limit, or the
     * original exception when {@code index} itself is outside the buffer (a caller's bug).
     * Peeks read first and check after, so the buffer's own bounds check is the only one on
     * the fast path.
     */
    public static RuntimeException peekFailure(String protocol, String field, ByteBuffer src, int index,
                                               int fieldEnd, IndexOutOfBoundsException cause) {
        if (index < 0 || index > src.limit()) {
            return cause;
        }
        return MalformedPacketException.truncated(protocol, field, 0, fieldEnd, src.limit() - index);
    }

    /** Copies {@code length} bytes between absolute positions without touching either cursor. */
    public static void copy(ByteBuffer src, int srcIndex, ByteBuffer dst, int dstIndex, int length) {
        dst.put(dstIndex, src, srcIndex, length);
    }
}
