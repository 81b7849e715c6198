package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes VXLAN headers (see {@link VxlanHeader}). Follows the encoder contract of
 * {@code org.tunnelcodec.core}: every bit is written as the record holds it ({@link VxlanHeader#of}
 * gives what RFC 7348 §5 senders send: I set, reserved bits 0).
 */
public final class VxlanEncoder {
    private VxlanEncoder() {
    }

    /**
     * Returns the exact encoded length, always {@value VxlanHeader#LENGTH}.
     *
     * @param header the header
     * @return the exact encoded length, always {@value VxlanHeader#LENGTH}
     * @throws NullPointerException if {@code header} is null
     */
    public static int encodedLength(VxlanHeader header) {
        Objects.requireNonNull(header, "header");
        return VxlanLayout.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param header the header
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written, {@value VxlanHeader#LENGTH}
     * @throws IllegalArgumentException if {@code dst} has fewer than 8 bytes remaining
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(VxlanHeader header, ByteBuffer dst) {
        Objects.requireNonNull(header, "header");
        Wire.requireRoom(dst, VxlanLayout.LENGTH);
        int p = dst.position();
        Wire.put32(dst, p, (long) header.flags() << 16 | header.groupPolicyId());
        Wire.put32(dst, p + 4, (long) header.vni() << 8 | header.reservedOctet());
        return VxlanLayout.LENGTH;
    }
}
