package org.tunnelcodec.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * An IPv6 address as a value: the 128 bits in two {@code long}s, most significant first.
 * Text is the RFC 5952 canonical form.
 *
 * @param high the first 64 bits
 * @param low  the last 64 bits
 */
public record Ipv6Address(long high, long low) implements Comparable<Ipv6Address> {
    /** The unspecified address {@code ::}. */
    public static final Ipv6Address ANY = new Ipv6Address(0, 0);

    /**
     * Returns the address with these bits.
     *
     * @param high the first 64 bits
     * @param low the last 64 bits
     * @return the address with these bits
     */
    public static Ipv6Address of(long high, long low) {
        return new Ipv6Address(high, low);
    }

    /**
     * Returns the address.
     *
     * @param bytes exactly 16 bytes
     * @return the address
     */
    public static Ipv6Address of(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("bytes.length: " + bytes.length + " (expected: 16)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Ipv6Address(b.getLong(0), b.getLong(8));
    }

    /**
     * Returns the address of an {@link Inet6Address} (its scope is dropped).
     *
     * @param address the address
     * @return the address of an {@link Inet6Address} (its scope is dropped)
     */
    public static Ipv6Address of(Inet6Address address) {
        return of(address.getAddress());
    }

    /**
     * Parses IPv6 text (RFC 4291 §2.2, including {@code ::} and an embedded dotted quad);
     * no host name is ever resolved.
     *
     * @param text the text
     * @return the address
     * @throws IllegalArgumentException if the text is not an IPv6 address
     */
    public static Ipv6Address parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text;
        int[] groups = new int[8];
        int n = 0;
        int gap = -1;
        if (s.isEmpty() || s.indexOf('%') >= 0) {
            throw bad(text);
        }
        int i = 0;
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (s.startsWith(":")) {
            throw bad(text);
        }
        while (i < s.length()) {
            int end = s.indexOf(':', i);
            String part = end < 0 ? s.substring(i) : s.substring(i, end);
            if (part.indexOf('.') >= 0) {
                if (end >= 0 || n > 6) {
                    throw bad(text);
                }
                int v4 = Ipv4Address.parse(part).bits();
                groups[n++] = v4 >>> 16;
                groups[n++] = v4 & 0xFFFF;
                i = s.length();
                break;
            }
            if (part.isEmpty() || part.length() > 4 || n >= 8) {
                throw bad(text);
            }
            int v = 0;
            for (int k = 0; k < part.length(); k++) {
                int d = Character.digit(part.charAt(k), 16);
                if (d < 0) {
                    throw bad(text);
                }
                v = v << 4 | d;
            }
            groups[n++] = v;
            if (end < 0) {
                i = s.length();
            } else if (end + 1 < s.length() && s.charAt(end + 1) == ':') {
                if (gap >= 0) {
                    throw bad(text);
                }
                gap = n;
                i = end + 2;
            } else {
                if (end + 1 == s.length()) {
                    throw bad(text);
                }
                i = end + 1;
            }
        }
        int[] full = new int[8];
        if (gap >= 0) {
            if (n > 7) {
                throw bad(text);
            }
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - (n - gap), n - gap);
        } else {
            if (n != 8) {
                throw bad(text);
            }
            full = groups;
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = hi << 16 | full[k];
            lo = lo << 16 | full[k + 4];
        }
        return new Ipv6Address(hi, lo);
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("text: " + text + " (expected: an IPv6 address)");
    }

    /**
     * Reads the address at absolute {@code index}, ignoring the buffer's byte order.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the address
     */
    public static Ipv6Address read(ByteBuffer src, int index) {
        return new Ipv6Address(Wire.i64(src, index), Wire.i64(src, index + 8));
    }

    /**
     * Writes the address at absolute {@code index}; the buffer's position is not moved.
     *
     * @param dst the destination
     * @param index the absolute index of the header's first byte
     */
    public void write(ByteBuffer dst, int index) {
        Wire.put64(dst, index, high);
        Wire.put64(dst, index + 8, low);
    }

    /**
     * Returns the 16 bytes, most significant first.
     *
     * @return the 16 bytes, most significant first
     */
    public byte[] toByteArray() {
        byte[] b = new byte[16];
        ByteBuffer.wrap(b).putLong(high).putLong(low);
        return b;
    }

    /**
     * Returns the address as an {@link Inet6Address} (an IPv4-mapped address stays IPv6).
     *
     * @return the address as an {@link Inet6Address} (an IPv4-mapped address stays IPv6)
     */
    public Inet6Address toInetAddress() {
        try {
            return Inet6Address.getByAddress(null, toByteArray(), -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // sixteen bytes are always a valid length
        }
    }

    /**
     * Returns the 16-bit group {@code i} (0..7).
     *
     * @param i the group's index, 0..7
     * @return the 16-bit group {@code i} (0..7)
     */
    public int group(int i) {
        Objects.checkIndex(i, 8);
        long word = i < 4 ? high : low;
        return (int) (word >>> (48 - 16 * (i & 3))) & 0xFFFF;
    }

    @Override
    public int compareTo(Ipv6Address o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    /**
     * Returns RFC 5952 text: lower case, leading zeros dropped, the longest zero run as {@code ::}.
     *
     * @return RFC 5952 text: lower case, leading zeros dropped, the longest zero run as {@code ::}
     */
    @Override
    public String toString() {
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (group(i) == 0) {
                int j = i;
                while (j < 8 && group(j) == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(group(i)));
        }
        return sb.toString();
    }
}
