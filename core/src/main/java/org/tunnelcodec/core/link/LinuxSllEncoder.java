package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes the Linux "cooked" capture header, version 1 ({@link LinuxSllHeader}). Follows the
 * <a href="../package-summary.html#encoder-contract">encoder contract</a>.
 */
public final class LinuxSllEncoder {
    private LinuxSllEncoder() {
    }

    /**
     * The exact encoded length.
     *
     * @param header the header
     * @return 16, the header's fixed length
     */
    public static int encodedLength(LinuxSllHeader header) {
        return LinuxSllHeader.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}, without moving it.
     *
     * @param header the header
     * @param dst    the destination
     * @return 16, the number of bytes written
     * @throws IllegalArgumentException if {@code dst} has fewer than 16 bytes remaining
     */
    public static int encode(LinuxSllHeader header, ByteBuffer dst) {
        Wire.requireRoom(dst, LinuxSllHeader.LENGTH);
        int p = dst.position();
        Wire.put16(dst, p, header.packetType());
        Wire.put16(dst, p + 2, header.arphrdType());
        Wire.put16(dst, p + 4, header.addressLength());
        header.address().writeTo(dst, p + 6);
        Wire.put16(dst, p + LinuxSllHeader.PROTOCOL_TYPE_OFFSET, header.protocol().value());
        return LinuxSllHeader.LENGTH;
    }
}
