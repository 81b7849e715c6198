package org.tunnelcodec.core;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * An IPv4 address as a value: the 32 bits in network order held in an {@code int}.
 *
 * @param bits the address, most significant byte first
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {
    /** 0.0.0.0. */
    public static final Ipv4Address ANY = new Ipv4Address(0);

    /**
     * Returns the address with these bits.
     *
     * @param bits the address, most significant byte first
     * @return the address with these bits
     */
    public static Ipv4Address of(int bits) {
        return new Ipv4Address(bits);
    }

    /**
     * Returns the address with these four bytes, each 0..255.
     *
     * @param a the first byte
     * @param b the second byte
     * @param c the third byte
     * @param d the fourth byte
     * @return the address with these four bytes, each 0..255
     */
    public static Ipv4Address of(int a, int b, int c, int d) {
        for (int x : new int[] {a, b, c, d}) {
            org.tunnelcodec.core.internal.Check.inRange("octet", x, 0, 255);
        }
        return new Ipv4Address(a << 24 | b << 16 | c << 8 | d);
    }

    /**
     * Parses dotted-quad text such as {@code "192.0.2.1"}; no host name is ever resolved.
     *
     * @param text the text
     * @return the address
     * @throws IllegalArgumentException if the text is not a dotted-quad IPv4 address
     */
    public static Ipv4Address parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("text: " + text + " (expected: a.b.c.d)");
        }
        int bits = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException("text: " + text + " (expected: a.b.c.d)");
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new IllegalArgumentException("text: " + text + " (expected: octets 0..255)");
            }
            bits = bits << 8 | v;
        }
        return new Ipv4Address(bits);
    }

    /**
     * Returns the address of an {@link Inet4Address}.
     *
     * @param address the address
     * @return the address of an {@link Inet4Address}
     */
    public static Ipv4Address of(Inet4Address address) {
        byte[] b = address.getAddress();
        return new Ipv4Address((b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF));
    }

    /**
     * Reads the address at absolute {@code index}, ignoring the buffer's byte order.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the address
     */
    public static Ipv4Address read(ByteBuffer src, int index) {
        return new Ipv4Address(Wire.i32(src, index));
    }

    /**
     * Writes the address at absolute {@code index}; the buffer's position is not moved.
     *
     * @param dst the destination
     * @param index the absolute index of the header's first byte
     */
    public void write(ByteBuffer dst, int index) {
        Wire.put32(dst, index, bits);
    }

    /**
     * Returns the four bytes, most significant first.
     *
     * @return the four bytes, most significant first
     */
    public byte[] toByteArray() {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    /**
     * Returns the address as an {@link Inet4Address}.
     *
     * @return the address as an {@link Inet4Address}
     */
    public Inet4Address toInetAddress() {
        try {
            return (Inet4Address) InetAddress.getByAddress(toByteArray());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid length
        }
    }

    @Override
    public int compareTo(Ipv4Address o) {
        return Integer.compareUnsigned(bits, o.bits);
    }

    /**
     * Returns dotted-quad text, for example {@code "192.0.2.1"}.
     *
     * @return dotted-quad text, for example {@code "192.0.2.1"}
     */
    @Override
    public String toString() {
        return (bits >>> 24) + "." + (bits >>> 16 & 0xFF) + "." + (bits >>> 8 & 0xFF) + "." + (bits & 0xFF);
    }
}
