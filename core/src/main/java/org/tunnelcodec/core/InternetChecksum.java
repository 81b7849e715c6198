package org.tunnelcodec.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum
 * of the data, with incremental update (RFC 1624) and the IPv4 and IPv6 pseudo-header sums
 * that UDP, TCP and other transports add in.
 *
 * <p>Sums are computed eight bytes at a time: each 64-bit word is added as two 32-bit halves
 * into a 64-bit accumulator (which cannot overflow for any buffer Java can address), and the
 * result is folded to 16 bits at the end. Because the one's complement sum is independent
 * of byte order up to a final byte swap (RFC 1071 §2(B)), the words are read in the buffer's
 * own order and the result swapped back when that order is little-endian. No method moves a
 * buffer's position or changes its order.
 *
 * <p>A <em>sum</em> here is a folded, not yet complemented 16-bit value (0..0xFFFF); a
 * <em>checksum</em> is its complement. Sums of adjacent regions combine with
 * {@link #add(int, int)} when every region but the last has an even length.
 */
public final class InternetChecksum {
    private static final VarHandle ARRAY_I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private InternetChecksum() {
    }

    /**
     * Sums {@code length} bytes at absolute {@code index}.
     *
     * @param buf the buffer
     * @param index the absolute index of the first byte
     * @param length the number of bytes
     * @return the folded one's complement sum, 0..0xFFFF
     * @throws IndexOutOfBoundsException if the range is outside the buffer's limit
     */
    public static int sum(ByteBuffer buf, int index, int length) {
        Objects.checkFromIndexSize(index, length, buf.limit());
        byte[] a = Wire.array(buf);
        if (a != null) {
            return sumArray(a, buf.arrayOffset() + index, length);
        }
        long acc = 0;
        int i = index;
        int end8 = index + (length & ~7);
        for (; i < end8; i += 8) {
            long w = buf.getLong(i);
            acc += (w >>> 32) + (w & 0xFFFF_FFFFL);
        }
        int s = fold(acc);
        if (buf.order() == ByteOrder.LITTLE_ENDIAN) {
            s = Integer.reverseBytes(s) >>> 16;
        }
        int end = index + length;
        long tail = s;
        for (; i + 1 < end; i += 2) {
            tail += (buf.get(i) & 0xFF) << 8 | (buf.get(i + 1) & 0xFF);
        }
        if (i < end) {
            tail += (buf.get(i) & 0xFF) << 8; // RFC 1071 §4.1: pad an odd byte with zero
        }
        return fold(tail);
    }

    /**
     * Sums the bytes of an array.
     *
     * @param data the array
     * @param offset the index of the first byte in the array
     * @param length the number of bytes
     * @return the folded one's complement sum, 0..0xFFFF
     */
    public static int sum(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return sumArray(data, offset, length);
    }

    /**
     * Sums {@code [from, from + length)} of an array, a range the caller has checked: eight
     * octets a read, with no buffer check or byte-order test per read.
     */
    private static int sumArray(byte[] a, int from, int length) {
        long acc = 0;
        int i = from;
        int end8 = from + (length & ~7);
        for (; i < end8; i += 8) {
            long w = (long) ARRAY_I64.get(a, i);
            acc += (w >>> 32) + (w & 0xFFFF_FFFFL);
        }
        int end = from + length;
        for (; i + 1 < end; i += 2) {
            acc += (a[i] & 0xFF) << 8 | (a[i + 1] & 0xFF);
        }
        if (i < end) {
            acc += (a[i] & 0xFF) << 8; // RFC 1071 §4.1: pad an odd byte with zero
        }
        return fold(acc);
    }

    /**
     * The checksum of {@code length} bytes at {@code index}, after adding {@code initialSum}
     * (for example a pseudo-header sum).
     *
     * @param buf the buffer
     * @param index the absolute index of the first byte
     * @param length the number of bytes
     * @param initialSum a sum to add, for example a pseudo-header sum, or 0
     * @return the complement of the folded sum, 0..0xFFFF
     */
    public static int checksum(ByteBuffer buf, int index, int length, int initialSum) {
        return ~add(initialSum, sum(buf, index, length)) & 0xFFFF;
    }

    /**
     * Whether data that contains its own checksum field verifies: its sum, plus
     * {@code initialSum}, is 0xFFFF (RFC 1071 §1(3)).
     *
     * @param buf the buffer
     * @param index the absolute index of the first byte
     * @param length the number of bytes, the checksum field included
     * @param initialSum a sum to add, for example a pseudo-header sum, or 0
     * @return whether the data verifies
     */
    public static boolean verifies(ByteBuffer buf, int index, int length, int initialSum) {
        return add(initialSum, sum(buf, index, length)) == 0xFFFF;
    }

    /**
     * Returns the one's complement sum of two folded sums.
     *
     * @param sumA a folded sum
     * @param sumB another folded sum
     * @return the one's complement sum of two folded sums
     */
    public static int add(int sumA, int sumB) {
        return fold((long) sumA + sumB);
    }

    /**
     * Returns {@code value} folded to 16 bits by end-around carry.
     *
     * @param value the value to fold
     * @return {@code value} folded to 16 bits by end-around carry
     */
    public static int fold(long value) {
        long v = (value & 0xFFFF_FFFFL) + (value >>> 32);
        v = (v & 0xFFFF) + (v >>> 16);
        v = (v & 0xFFFF) + (v >>> 16);
        v = (v & 0xFFFF) + (v >>> 16);
        return (int) v;
    }

    /**
     * Updates a checksum after one 16-bit word of the data changed, by RFC 1624 eqn. 3:
     * {@code HC' = ~(~HC + ~m + m')}.
     *
     * @param checksum the old checksum field
     * @param oldWord  the old 16-bit value
     * @param newWord  the new 16-bit value
     * @return the new checksum field
     */
    public static int update(int checksum, int oldWord, int newWord) {
        int s = add(add(~checksum & 0xFFFF, ~oldWord & 0xFFFF), newWord & 0xFFFF);
        return ~s & 0xFFFF;
    }

    /**
     * Like {@link #update(int, int, int)} for a 32-bit field, such as an IPv4 address.
     *
     * @param checksum the checksum field before the change
     * @param oldValue the field's old 32-bit value
     * @param newValue the field's new 32-bit value
     * @return the updated checksum field
     */
    public static int update32(int checksum, int oldValue, int newValue) {
        int c = update(checksum, oldValue >>> 16, newValue >>> 16);
        return update(c, oldValue & 0xFFFF, newValue & 0xFFFF);
    }

    /**
     * The IPv4 pseudo-header sum (RFC 768, RFC 9293 §3.1): source, destination, zero,
     * protocol and the transport length.
     *
     * @param source the Source Address
     * @param destination the Destination Address
     * @param protocol the Protocol of the transport header
     * @param transportLength the transport header and payload length in bytes
     * @return the folded sum, 0..0xFFFF
     */
    public static int ipv4PseudoHeaderSum(Ipv4Address source, Ipv4Address destination,
                                          int protocol, int transportLength) {
        long acc = (source.bits() >>> 16) + (source.bits() & 0xFFFF)
                + (destination.bits() >>> 16) + (destination.bits() & 0xFFFF)
                + (protocol & 0xFF) + (transportLength & 0xFFFF);
        return fold(acc);
    }

    /**
     * The IPv6 pseudo-header sum (RFC 8200 §8.1): source, destination, the 32-bit
     * upper-layer packet length and the next header value.
     *
     * @param source the Source Address
     * @param destination the Destination Address
     * @param nextHeader the Next Header of the upper-layer header
     * @param upperLayerLength the upper-layer packet length in bytes
     * @return the folded sum, 0..0xFFFF
     */
    public static int ipv6PseudoHeaderSum(Ipv6Address source, Ipv6Address destination,
                                          int nextHeader, long upperLayerLength) {
        long acc = halves(source.high()) + halves(source.low())
                + halves(destination.high()) + halves(destination.low())
                + (upperLayerLength >>> 16 & 0xFFFF) + (upperLayerLength & 0xFFFF)
                + (nextHeader & 0xFF);
        return fold(acc);
    }

    /**
     * The IPv6 pseudo-header sum (RFC 8200 §8.1) over addresses read in place, without
     * allocating: for a packet whose pseudo-header addresses are not the IPv6 header's, such as
     * one with a Home Address option or a Type 2 Routing Header (RFC 6275 §6.3, §6.4), whose
     * addresses {@link org.tunnelcodec.core.ip.IpScan#homeAddressIndex} and
     * {@link org.tunnelcodec.core.ip.IpScan#type2HomeAddressIndex} find.
     *
     * @param buf the buffer holding both addresses
     * @param sourceIndex the absolute index of the 16-byte Source Address to use
     * @param destinationIndex the absolute index of the 16-byte Destination Address to use
     * @param nextHeader the Next Header of the upper-layer header
     * @param upperLayerLength the upper-layer packet length in bytes
     * @return the folded sum, 0..0xFFFF
     * @throws IndexOutOfBoundsException if an address is outside the buffer's limit
     */
    public static int ipv6PseudoHeaderSum(ByteBuffer buf, int sourceIndex, int destinationIndex,
                                          int nextHeader, long upperLayerLength) {
        Objects.checkFromIndexSize(sourceIndex, 16, buf.limit());
        Objects.checkFromIndexSize(destinationIndex, 16, buf.limit());
        long acc = halves(Wire.i64(buf, sourceIndex)) + halves(Wire.i64(buf, sourceIndex + 8))
                + halves(Wire.i64(buf, destinationIndex)) + halves(Wire.i64(buf, destinationIndex + 8))
                + (upperLayerLength >>> 16 & 0xFFFF) + (upperLayerLength & 0xFFFF)
                + (nextHeader & 0xFF);
        return fold(acc);
    }

    private static long halves(long w) {
        return (w >>> 32) + (w & 0xFFFF_FFFFL);
    }
}
