package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes the BSD loopback header ({@link LoopbackHeader}) in the byte order it records.
 * Follows the <a href="../package-summary.html#encoder-contract">encoder contract</a>.
 */
public final class LoopbackEncoder {
    private LoopbackEncoder() {
    }

    /**
     * The exact encoded length.
     *
     * @param header the header
     * @return 4, the header's fixed length
     */
    public static int encodedLength(LoopbackHeader header) {
        return LoopbackHeader.LENGTH;
    }

    /**
     * Writes the header's 32-bit word at {@code dst.position()}, without moving it.
     *
     * @param header the header
     * @param dst    the destination
     * @return 4, the number of bytes written
     * @throws IllegalArgumentException if {@code dst} has fewer than 4 bytes remaining
     */
    public static int encode(LoopbackHeader header, ByteBuffer dst) {
        Wire.requireRoom(dst, LoopbackHeader.LENGTH);
        Wire.put32(dst, dst.position(), header.wireValue());
        return LoopbackHeader.LENGTH;
    }
}
