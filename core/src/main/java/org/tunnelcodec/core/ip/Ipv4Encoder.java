package org.tunnelcodec.core.ip;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes IPv4 headers (RFC 791), computing Version, IHL, Total Length and the Header
 * Checksum. Follows the <a href="../package-summary.html#encoder-contract">encoder contract</a>.
 */
public final class Ipv4Encoder {
    private Ipv4Encoder() {
    }

    /**
     * Returns the exact encoded length: 20 plus the options.
     *
     * @param header the header
     * @return the exact encoded length: 20 plus the options
     */
    public static int encodedLength(Ipv4Header header) {
        return header.headerLength();
    }

    /**
     * Writes the header at {@code dst.position()}, its checksum computed.
     *
     * @param h the header
     * @param dst the destination
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     */
    public static int encode(Ipv4Header h, ByteBuffer dst) {
        int length = h.headerLength();
        Wire.requireRoom(dst, length);
        int p = dst.position();
        Wire.put8(dst, p, 0x40 | length / 4);
        Wire.put8(dst, p + Ipv4Layout.TOS_OFFSET, h.dscp() << 2 | h.ecn());
        Wire.put16(dst, p + Ipv4Layout.TOTAL_LENGTH_OFFSET, h.totalLength());
        Wire.put16(dst, p + Ipv4Layout.IDENTIFICATION_OFFSET, h.identification());
        int flags = (h.reservedFlag() ? Ipv4Layout.RESERVED_FLAG : 0)
                | (h.dontFragment() ? Ipv4Layout.DONT_FRAGMENT : 0)
                | (h.moreFragments() ? Ipv4Layout.MORE_FRAGMENTS : 0);
        Wire.put16(dst, p + Ipv4Layout.FLAGS_FRAGMENT_OFFSET, flags | h.fragmentOffset());
        Wire.put8(dst, p + Ipv4Layout.TTL_OFFSET, h.timeToLive());
        Wire.put8(dst, p + Ipv4Layout.PROTOCOL_OFFSET, h.protocol().value());
        Wire.put16(dst, p + Ipv4Layout.CHECKSUM_OFFSET, 0);
        h.source().write(dst, p + Ipv4Layout.SOURCE_OFFSET);
        h.destination().write(dst, p + Ipv4Layout.DESTINATION_OFFSET);
        h.options().writeTo(dst, p + Ipv4Layout.MIN_LENGTH);
        Wire.put16(dst, p + Ipv4Layout.CHECKSUM_OFFSET, InternetChecksum.checksum(dst, p, length, 0));
        return length;
    }

    /**
     * Decrements the TTL of the header at {@code index} in place and updates its checksum
     * incrementally (RFC 1624), as a router forwarding the packet does (RFC 1812 §5.3.1).
     *
     * @param buf the buffer
     * @param index the absolute index of the header's first byte
     * @return the new TTL
     * @throws IllegalStateException if the TTL is already 0
     * @throws IndexOutOfBoundsException if the header is not within the buffer's limit
     */
    public static int decrementTimeToLive(ByteBuffer buf, int index) {
        java.util.Objects.checkFromIndexSize(index, Ipv4Layout.MIN_LENGTH, buf.limit());
        int word = Wire.u16(buf, index + Ipv4Layout.TTL_OFFSET);
        int ttl = word >>> 8;
        if (ttl == 0) {
            throw new IllegalStateException("TTL is 0");
        }
        int newWord = word - 0x100;
        Wire.put16(buf, index + Ipv4Layout.TTL_OFFSET, newWord);
        int checksum = Wire.u16(buf, index + Ipv4Layout.CHECKSUM_OFFSET);
        Wire.put16(buf, index + Ipv4Layout.CHECKSUM_OFFSET, InternetChecksum.update(checksum, word, newWord));
        return ttl - 1;
    }
}
