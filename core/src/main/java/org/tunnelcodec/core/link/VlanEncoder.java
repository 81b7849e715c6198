package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes an 802.1Q tag that follows another header ({@link VlanHeader}). Follows the
 * <a href="../package-summary.html#encoder-contract">encoder contract</a>.
 */
public final class VlanEncoder {
    private VlanEncoder() {
    }

    /**
     * The exact encoded length.
     *
     * @param header the header
     * @return 4, the header's fixed length
     */
    public static int encodedLength(VlanHeader header) {
        return VlanHeader.LENGTH;
    }

    /**
     * Writes the tag at {@code dst.position()}, without moving it.
     *
     * @param header the header
     * @param dst    the destination
     * @return 4, the number of bytes written
     * @throws IllegalArgumentException if {@code dst} has fewer than 4 bytes remaining
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(VlanHeader header, ByteBuffer dst) {
        Wire.requireRoom(dst, VlanHeader.LENGTH);
        int tci = header.priority() << 13 | (header.dropEligible() ? 0x1000 : 0) | header.vlanId();
        Wire.put32(dst, dst.position(), (long) tci << 16 | header.protocol().value());
        return VlanHeader.LENGTH;
    }
}
