package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes the Cisco HDLC framing header ({@link CiscoHdlcHeader}). Follows the
 * <a href="../package-summary.html#encoder-contract">encoder contract</a>.
 */
public final class CiscoHdlcEncoder {
    private CiscoHdlcEncoder() {
    }

    /**
     * The exact encoded length.
     *
     * @param header the header
     * @return 4, the header's fixed length
     */
    public static int encodedLength(CiscoHdlcHeader header) {
        return CiscoHdlcHeader.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}, without moving it.
     *
     * @param header the header
     * @param dst    the destination
     * @return 4, the number of bytes written
     * @throws IllegalArgumentException if {@code dst} has fewer than 4 bytes remaining
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(CiscoHdlcHeader header, ByteBuffer dst) {
        Wire.requireRoom(dst, CiscoHdlcHeader.LENGTH);
        Wire.put32(dst, dst.position(), (long) header.address() << 24 | header.control() << 16
                | header.protocol().value());
        return CiscoHdlcHeader.LENGTH;
    }
}
