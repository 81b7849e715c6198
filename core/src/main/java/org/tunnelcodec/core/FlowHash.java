package org.tunnelcodec.core;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * A flow hash over an inner packet, and its mapping into a UDP or TCP source port, for the
 * entropy source ports of UDP- and TCP-based tunnels (RFC 8086 §3.2, RFC 7510 §3,
 * draft-davie-stt §3.4). The same packet always gives the same hash and port, on any JVM;
 * the methods allocate nothing, read only inside {@code [index, index + length)}, never
 * move the buffer's position, and never throw for malformed bytes.
 *
 * <h2>The algorithm</h2>
 * <ol>
 *   <li>The flow key, as a sequence of 32-bit words:
 *     <ul>
 *       <li>IPv4 (version nibble 4, at least 20 bytes): source address, destination address,
 *           the protocol; then, if the protocol is TCP, UDP, UDP-Lite or SCTP, the packet is
 *           not a non-first fragment, and the four port bytes are present, the word holding
 *           source and destination port.</li>
 *       <li>IPv6 (version nibble 6, at least 40 bytes): the four words of the source
 *           address, the four of the destination, the 20-bit flow label, the Next Header
 *           value; then the ports as for IPv4 when Next Header is one of those transports
 *           (extension headers are not walked, so a packet with them hashes on addresses,
 *           flow label and the first Next Header).</li>
 *       <li>Anything else: the bytes themselves, up to the first 64, as big-endian words
 *           (the last one zero-padded), and the length.</li>
 *     </ul>
 *   </li>
 *   <li>The words are mixed with the body of MurmurHash3 x86_32 (seed {@code 0x7f4a7c15}),
 *       finished with the word count and MurmurHash3's {@code fmix32}.</li>
 *   <li>{@link #sourcePort(int)} maps the 32-bit hash {@code h} onto the dynamic port range
 *       49152..65535 (RFC 6335 §6) as {@code 49152 + ((h & 0xffffffffL) * 16384 >>> 32)},
 *       which has no modulo bias beyond one part in 2^18.</li>
 * </ol>
 * For an Ethernet frame, {@link #ofEthernetFrame} skips up to two 802.1Q/802.1ad tags and
 * hashes the IP packet behind them; for any other EtherType it hashes the two MAC addresses
 * and the EtherType.
 */
public final class FlowHash {
    /** The first port of the dynamic range (RFC 6335 §6). */
    public static final int EPHEMERAL_MIN = 49152;
    /** The last port of the dynamic range (RFC 6335 §6). */
    public static final int EPHEMERAL_MAX = 65535;

    private static final int SEED = 0x7f4a7c15;
    private static final int RAW_BYTES = 64;

    private FlowHash() {
    }

    /**
     * Hashes the IP packet (IPv4 or IPv6, told by its version nibble) at {@code index}.
     *
     * @param buf the buffer
     * @param index the absolute index of the packet's first byte
     * @param length the packet's length in bytes
     * @return the 32-bit flow hash
     * @throws IndexOutOfBoundsException if the range lies outside the buffer's limit
     */
    public static int ofIpPacket(ByteBuffer buf, int index, int length) {
        Objects.checkFromIndexSize(index, length, buf.limit());
        if (length >= 20 && Wire.u8(buf, index) >>> 4 == 4) {
            int h = SEED;
            h = mix(h, Wire.i32(buf, index + 12));
            h = mix(h, Wire.i32(buf, index + 16));
            int protocol = Wire.u8(buf, index + 9);
            h = mix(h, protocol);
            int words = 3;
            int ihl = (Wire.u8(buf, index) & 0xF) * 4;
            boolean firstFragment = (Wire.u16(buf, index + 6) & 0x1FFF) == 0;
            if (hasPorts(protocol) && firstFragment && ihl >= 20 && ihl + 4 <= length) {
                h = mix(h, Wire.i32(buf, index + ihl));
                words++;
            }
            return fmix(h ^ words);
        }
        if (length >= 40 && Wire.u8(buf, index) >>> 4 == 6) {
            int h = SEED;
            for (int off = 8; off < 40; off += 4) {
                h = mix(h, Wire.i32(buf, index + off));
            }
            h = mix(h, Wire.i32(buf, index) & 0xFFFFF);
            int nextHeader = Wire.u8(buf, index + 6);
            h = mix(h, nextHeader);
            int words = 10;
            if (hasPorts(nextHeader) && length >= 44) {
                h = mix(h, Wire.i32(buf, index + 40));
                words++;
            }
            return fmix(h ^ words);
        }
        return ofBytes(buf, index, length);
    }

    /**
     * Hashes the Ethernet frame at {@code index}: the IP packet inside it, or its addresses
     * and EtherType when it carries something else.
     *
     * @param buf the buffer
     * @param index the absolute index of the packet's first byte
     * @param length the frame's length in bytes
     * @return the 32-bit flow hash
     * @throws IndexOutOfBoundsException if the range lies outside the buffer's limit
     */
    public static int ofEthernetFrame(ByteBuffer buf, int index, int length) {
        Objects.checkFromIndexSize(index, length, buf.limit());
        if (length < 14) {
            return ofBytes(buf, index, length);
        }
        int typeOffset = 12;
        int etherType = Wire.u16(buf, index + typeOffset);
        for (int tags = 0; tags < 2 && isTag(etherType) && typeOffset + 6 <= length; tags++) {
            typeOffset += 4;
            etherType = Wire.u16(buf, index + typeOffset);
        }
        int ip = typeOffset + 2;
        if (etherType == 0x0800 || etherType == 0x86DD) {
            return ofIpPacket(buf, index + ip, length - ip);
        }
        int h = SEED;
        h = mix(h, Wire.i32(buf, index));
        h = mix(h, Wire.i32(buf, index + 4));
        h = mix(h, Wire.i32(buf, index + 8));
        h = mix(h, etherType);
        return fmix(h ^ 4);
    }

    /**
     * Maps a flow hash onto the dynamic port range 49152..65535.
     *
     * @param hash the flow hash
     * @return the source port
     */
    public static int sourcePort(int hash) {
        return sourcePort(hash, EPHEMERAL_MIN, EPHEMERAL_MAX);
    }

    /**
     * Maps a flow hash onto {@code [min, max]}, as {@code min + ((hash & 0xffffffffL) *
     * (max - min + 1) >>> 32)}.
     *
     * @param hash the flow hash
     * @param min the lowest port
     * @param max the highest port
     * @return a port in {@code [min, max]}
     */
    public static int sourcePort(int hash, int min, int max) {
        if (min < 0 || max > 65535 || min > max) {
            throw new IllegalArgumentException("range: " + min + ".." + max + " (expected: within 0..65535)");
        }
        return scale(hash, min, max);
    }

    /**
     * Maps a flow hash onto {@code [min, max]}, any non-negative range, as {@code min + ((hash &
     * 0xffffffffL) * (max - min + 1) >>> 32)}: the mapping of {@link #sourcePort(int, int, int)}
     * for fields other than ports, such as an MPLS entropy label (16..1048575, RFC 6790 §4) or an
     * IPv6 flow label (1..1048575, RFC 6438 §3).
     *
     * @param hash the flow hash
     * @param min the lowest value, at least 0
     * @param max the highest value, at least {@code min}
     * @return a value in {@code [min, max]}
     * @throws IllegalArgumentException if {@code min} is negative or greater than {@code max}
     */
    public static int scale(int hash, int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("range: " + min + ".." + max + " (expected: 0 <= min <= max)");
        }
        long range = (long) max - min + 1;
        return min + (int) (((hash & 0xFFFF_FFFFL) * range) >>> 32);
    }

    private static int ofBytes(ByteBuffer buf, int index, int length) {
        int n = Math.min(length, RAW_BYTES);
        int h = SEED;
        int words = 0;
        for (int i = 0; i < n; i += 4, words++) {
            int w = 0;
            for (int k = 0; k < 4; k++) {
                w = w << 8 | (i + k < n ? Wire.u8(buf, index + i + k) : 0);
            }
            h = mix(h, w);
        }
        h = mix(h, length);
        return fmix(h ^ (words + 1));
    }

    private static boolean hasPorts(int protocol) {
        return protocol == 6 || protocol == 17 || protocol == 132 || protocol == 136;
    }

    private static boolean isTag(int etherType) {
        return etherType == 0x8100 || etherType == 0x88A8 || etherType == 0x9100;
    }

    private static int mix(int h, int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
