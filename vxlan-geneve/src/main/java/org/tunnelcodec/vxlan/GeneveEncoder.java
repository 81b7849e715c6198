package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes Geneve headers with their options (see {@link GeneveHeader}). Follows the encoder
 * contract of {@code org.tunnelcodec.core}: Ver is 0, Opt Len and each option's Length are
 * derived from the options, every other bit is written as the record holds it.
 */
public final class GeneveEncoder {
    private GeneveEncoder() {
    }

    /**
     * Returns the exact encoded length: 8 octets and the options.
     *
     * @param header the header
     * @return the exact encoded length, 8..260
     * @throws NullPointerException if {@code header} is null
     */
    public static int encodedLength(GeneveHeader header) {
        return header.headerLength();
    }

    /**
     * Writes the header and its options at {@code dst.position()}.
     *
     * @param header the header
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(GeneveHeader header, ByteBuffer dst) {
        int length = header.headerLength();
        Wire.requireRoom(dst, length);
        int p = dst.position();
        int second = (header.controlPacket() ? GeneveLayout.O : 0) | (header.criticalOptionsPresent() ? GeneveLayout.C : 0)
                | header.reservedFlags();
        Wire.put32(dst, p, (long) ((length - GeneveLayout.MIN_LENGTH) / 4) << 24 | second << 16
                | header.protocolType().value());
        Wire.put32(dst, p + 4, (long) header.vni() << 8 | header.reservedOctet());
        int at = p + GeneveLayout.MIN_LENGTH;
        for (GeneveOption o : header.options()) {
            Wire.put32(dst, at, (long) o.optionClass() << 16 | o.type() << 8
                    | o.reserved() << GeneveLayout.OPTION_RESERVED_SHIFT | o.length());
            o.data().writeTo(dst, at + GeneveLayout.OPTION_HEADER_LENGTH);
            at += o.encodedLength();
        }
        return length;
    }
}
