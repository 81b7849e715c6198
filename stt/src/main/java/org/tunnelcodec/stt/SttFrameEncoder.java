package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes the STT frame header. Follows the encoder contract of {@code org.tunnelcodec.core};
 * every component is written as the record holds it, reserved bits, Reserved and Padding included.
 */
public final class SttFrameEncoder {
    private SttFrameEncoder() {
    }

    /**
     * The header's length on the wire.
     *
     * @param header the header
     * @return 18
     */
    public static int encodedLength(SttFrameHeader header) {
        Objects.requireNonNull(header, "header");
        return SttLayout.FRAME_HEADER_LENGTH;
    }

    /**
     * Writes the frame header at {@code dst.position()}; the position does not move.
     *
     * @param header the header
     * @param dst    the buffer
     * @return 18, the octets written
     * @throws IllegalArgumentException if {@code dst} has fewer than 18 bytes remaining
     */
    public static int encode(SttFrameHeader header, ByteBuffer dst) {
        Objects.requireNonNull(header, "header");
        Wire.requireRoom(dst, SttLayout.FRAME_HEADER_LENGTH);
        write(header, dst, dst.position());
        return SttLayout.FRAME_HEADER_LENGTH;
    }

    static void write(SttFrameHeader h, ByteBuffer dst, int p) {
        Wire.put64(dst, p, (long) h.version() << 56 | (long) h.flags().bits() << 48 | (long) h.l4Offset() << 40
                | (long) h.reserved() << 32 | (long) h.maxSegmentSize() << 16 | h.tagControl());
        Wire.put64(dst, p + 8, h.contextId());
        Wire.put16(dst, p + 16, h.padding());
    }
}
