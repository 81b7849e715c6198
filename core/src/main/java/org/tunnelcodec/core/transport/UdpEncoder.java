package org.tunnelcodec.core.transport;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes UDP headers (RFC 768). Follows the
 * <a href="../package-summary.html#encoder-contract">encoder contract</a>. The header's
 * {@code checksum} component is written as it is; {@link #fillChecksum} computes the real one
 * once the payload is in place.
 */
public final class UdpEncoder {
    private UdpEncoder() {
    }

    /**
     * Returns 8.
     *
     * @param header the header
     * @return 8
     */
    public static int encodedLength(UdpHeader header) {
        return UdpHeader.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param h the header
     * @param dst the destination
     * @return 8
     * @throws IllegalArgumentException if {@code dst} has fewer than 8 bytes remaining
     */
    public static int encode(UdpHeader h, ByteBuffer dst) {
        Wire.requireRoom(dst, UdpHeader.LENGTH);
        int p = dst.position();
        Wire.put16(dst, p, h.sourcePort());
        Wire.put16(dst, p + 2, h.destinationPort());
        Wire.put16(dst, p + 4, h.length());
        Wire.put16(dst, p + 6, h.checksum());
        return UdpHeader.LENGTH;
    }

    /**
     * Computes the Checksum of the {@code length}-byte datagram (header and payload) at
     * {@code index} and writes it in place; a computed 0 is written as 0xFFFF (RFC 768).
     *
     * @param buf the buffer
     * @param index the absolute index of the datagram's first byte
     * @param length the datagram's length in bytes, header and payload
     * @param pseudoHeaderSum the pseudo-header sum for this datagram
     * @return the checksum written
     */
    public static int fillChecksum(ByteBuffer buf, int index, int length, int pseudoHeaderSum) {
        return TransportChecksum.fill(buf, index, length, 6, pseudoHeaderSum, true);
    }
}
