package org.tunnelcodec.core;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;

/**
 * An IEEE 802 48-bit MAC address as a value, in the low 48 bits of a {@code long}.
 *
 * @param bits the address, first byte on the wire most significant
 */
public record MacAddress(long bits) implements Comparable<MacAddress> {
    /** The broadcast address ff:ff:ff:ff:ff:ff. */
    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);

    /**
     * Checks the value fits in 48 bits.
     *
     * @param bits the address, first byte on the wire most significant
     */
    public MacAddress {
        Check.inRange("bits", bits, 0, 0xFFFF_FFFF_FFFFL);
    }

    /**
     * Returns the address with these bits.
     *
     * @param bits the address, first byte on the wire most significant
     * @return the address with these bits
     */
    public static MacAddress of(long bits) {
        return new MacAddress(bits);
    }

    /**
     * Parses {@code 00:11:22:33:44:55} (also with {@code -} separators).
     *
     * @param text the text
     * @return the address
     * @throws IllegalArgumentException if the text is not a MAC address
     */
    public static MacAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split("[:-]", -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("text: " + text + " (expected: xx:xx:xx:xx:xx:xx)");
        }
        long v = 0;
        for (String p : parts) {
            if (p.length() != 2 || Character.digit(p.charAt(0), 16) < 0 || Character.digit(p.charAt(1), 16) < 0) {
                throw new IllegalArgumentException("text: " + text + " (expected: xx:xx:xx:xx:xx:xx)");
            }
            v = v << 8 | Integer.parseInt(p, 16);
        }
        return new MacAddress(v);
    }

    /**
     * Reads six bytes at absolute {@code index}, ignoring the buffer's byte order.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the address
     */
    public static MacAddress read(ByteBuffer src, int index) {
        return new MacAddress((long) Wire.u16(src, index) << 32 | Wire.u32(src, index + 2));
    }

    /**
     * Writes six bytes at absolute {@code index}; the buffer's position is not moved.
     *
     * @param dst the destination
     * @param index the absolute index of the header's first byte
     */
    public void write(ByteBuffer dst, int index) {
        Wire.put16(dst, index, (int) (bits >>> 32));
        Wire.put32(dst, index + 2, bits);
    }

    /**
     * Returns whether the group bit (I/G) is set.
     *
     * @return whether the group bit (I/G) is set
     */
    public boolean isMulticast() {
        return (bits & 0x0100_0000_0000L) != 0;
    }

    @Override
    public int compareTo(MacAddress o) {
        return Long.compare(bits, o.bits);
    }

    /**
     * Returns lower-case colon-separated text, for example {@code "00:1b:21:3a:4f:5e"}.
     *
     * @return lower-case colon-separated text, for example {@code "00:1b:21:3a:4f:5e"}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift != 40) {
                sb.append(':');
            }
            int b = (int) (bits >>> shift) & 0xFF;
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
