package org.tunnelcodec.core.transport;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes TCP headers (RFC 9293), computing Data Offset. Follows the
 * <a href="../package-summary.html#encoder-contract">encoder contract</a>. The {@code checksum}
 * component is written as it is; {@link #fillChecksum} computes the real one once the payload
 * is in place.
 */
public final class TcpEncoder {
    private TcpEncoder() {
    }

    /**
     * Returns the exact encoded length: 20 plus the options.
     *
     * @param header the header
     * @return the exact encoded length: 20 plus the options
     */
    public static int encodedLength(TcpHeader header) {
        return header.headerLength();
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param h the header
     * @param dst the destination
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     */
    public static int encode(TcpHeader h, ByteBuffer dst) {
        int length = h.headerLength();
        Wire.requireRoom(dst, length);
        int p = dst.position();
        Wire.put16(dst, p, h.sourcePort());
        Wire.put16(dst, p + 2, h.destinationPort());
        Wire.put32(dst, p + 4, h.sequenceNumber());
        Wire.put32(dst, p + 8, h.acknowledgmentNumber());
        Wire.put16(dst, p + 12, (length / 4) << 12 | h.reserved() << 8 | h.flags().bits());
        Wire.put16(dst, p + 14, h.window());
        Wire.put16(dst, p + 16, h.checksum());
        Wire.put16(dst, p + 18, h.urgentPointer());
        h.options().writeTo(dst, p + TcpHeader.MIN_LENGTH);
        return length;
    }

    /**
     * Computes the Checksum of the {@code length}-byte segment at {@code index} and writes it
     * in place.
     *
     * @param buf the buffer
     * @param index the absolute index of the segment's first byte
     * @param length the segment's length in bytes, header and payload
     * @param pseudoHeaderSum the pseudo-header sum for this segment
     * @return the checksum written
     */
    public static int fillChecksum(ByteBuffer buf, int index, int length, int pseudoHeaderSum) {
        return TransportChecksum.fill(buf, index, length, 16, pseudoHeaderSum, false);
    }
}
