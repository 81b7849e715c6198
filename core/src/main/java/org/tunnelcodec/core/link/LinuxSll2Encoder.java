package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes the Linux "cooked" capture header, version 2 ({@link LinuxSll2Header}). Follows the
 * <a href="../package-summary.html#encoder-contract">encoder contract</a>.
 */
public final class LinuxSll2Encoder {
    private LinuxSll2Encoder() {
    }

    /**
     * The exact encoded length.
     *
     * @param header the header
     * @return 20, the header's fixed length
     */
    public static int encodedLength(LinuxSll2Header header) {
        return LinuxSll2Header.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}, without moving it.
     *
     * @param header the header
     * @param dst    the destination
     * @return 20, the number of bytes written
     * @throws IllegalArgumentException if {@code dst} has fewer than 20 bytes remaining
     */
    public static int encode(LinuxSll2Header header, ByteBuffer dst) {
        Wire.requireRoom(dst, LinuxSll2Header.LENGTH);
        int p = dst.position();
        Wire.put16(dst, p, header.protocol().value());
        Wire.put16(dst, p + 2, header.reserved());
        Wire.put32(dst, p + 4, header.interfaceIndex());
        Wire.put16(dst, p + 8, header.arphrdType());
        Wire.put8(dst, p + 10, header.packetType());
        Wire.put8(dst, p + 11, header.addressLength());
        header.address().writeTo(dst, p + 12);
        return LinuxSll2Header.LENGTH;
    }
}
