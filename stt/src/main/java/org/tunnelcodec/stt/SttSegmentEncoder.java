package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.transport.TcpEncoder;

/**
 * Encodes the STT segment header. Follows the encoder contract of {@code org.tunnelcodec.core};
 * Data Offset is always written as 5 (draft-davie-stt-08 §3.2), the Checksum as the record holds
 * it: {@link #fillChecksum} computes it over the whole segment.
 */
public final class SttSegmentEncoder {
    private SttSegmentEncoder() {
    }

    /**
     * The header's length on the wire.
     *
     * @param header the header
     * @return 20
     */
    public static int encodedLength(SttSegmentHeader header) {
        Objects.requireNonNull(header, "header");
        return SttLayout.SEGMENT_HEADER_LENGTH;
    }

    /**
     * Writes the segment header at {@code dst.position()}; the position does not move.
     *
     * @param header the header
     * @param dst    the buffer
     * @return 20, the octets written
     * @throws IllegalArgumentException if {@code dst} has fewer than 20 bytes remaining
     */
    public static int encode(SttSegmentHeader header, ByteBuffer dst) {
        Objects.requireNonNull(header, "header");
        Wire.requireRoom(dst, SttLayout.SEGMENT_HEADER_LENGTH);
        write(header, dst, dst.position());
        return SttLayout.SEGMENT_HEADER_LENGTH;
    }

    static void write(SttSegmentHeader h, ByteBuffer dst, int p) {
        Wire.put64(dst, p, (long) h.sourcePort() << 48 | (long) h.destinationPort() << 32 | h.sequenceNumber());
        Wire.put64(dst, p + 8, h.frameIdentifier() << 32 | 0x5000L << 16 | (long) h.reserved() << 24
                | (long) h.flags().bits() << 16 | h.window());
        Wire.put32(dst, p + 16, (long) h.checksum() << 16 | h.urgentPointer());
    }

    /**
     * Computes the TCP checksum of the {@code length}-octet segment (header and payload) at
     * {@code index} and writes it.
     *
     * @param buf             the buffer holding the segment
     * @param index           the absolute index of the segment header
     * @param length          the segment's length, header and payload
     * @param pseudoHeaderSum the outer IPv4 or IPv6 pseudo-header sum for protocol 6 and this length
     * @return the checksum written
     */
    public static int fillChecksum(ByteBuffer buf, int index, int length, int pseudoHeaderSum) {
        return TcpEncoder.fillChecksum(buf, index, length, pseudoHeaderSum);
    }
}
