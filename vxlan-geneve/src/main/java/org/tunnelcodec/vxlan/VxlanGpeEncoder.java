package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes VXLAN-GPE headers (see {@link VxlanGpeHeader}). Follows the encoder contract of
 * {@code org.tunnelcodec.core}: Ver is 0, every other bit is written as the record holds it.
 */
public final class VxlanGpeEncoder {
    private VxlanGpeEncoder() {
    }

    /**
     * Returns the exact encoded length, always {@value VxlanGpeHeader#LENGTH}.
     *
     * @param header the header
     * @return the exact encoded length, always {@value VxlanGpeHeader#LENGTH}
     * @throws NullPointerException if {@code header} is null
     */
    public static int encodedLength(VxlanGpeHeader header) {
        Objects.requireNonNull(header, "header");
        return VxlanGpeLayout.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param header the header
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written, {@value VxlanGpeHeader#LENGTH}
     * @throws IllegalArgumentException if {@code dst} has fewer than 8 bytes remaining
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(VxlanGpeHeader header, ByteBuffer dst) {
        Objects.requireNonNull(header, "header");
        Wire.requireRoom(dst, VxlanGpeLayout.LENGTH);
        int p = dst.position();
        Wire.put32(dst, p, (long) header.flags() << 24 | header.reserved() << 8 | header.nextProtocol().value());
        Wire.put32(dst, p + 4, (long) header.vni() << 8 | header.reservedOctet());
        return VxlanGpeLayout.LENGTH;
    }
}
