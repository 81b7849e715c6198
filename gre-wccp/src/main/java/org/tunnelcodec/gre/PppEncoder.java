package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes {@link PppHeader}. Follows the encoder contract of {@code org.tunnelcodec.core};
 * {@link PppDecoder} reads the header back.
 */
public final class PppEncoder {
    private PppEncoder() {
    }

    /**
     * The exact encoded length.
     *
     * @param h the header
     * @return the octets {@link #encode} writes
     */
    public static int encodedLength(PppHeader h) {
        return h.length();
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param h the header
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     */
    public static int encode(PppHeader h, ByteBuffer dst) {
        int length = h.length();
        Wire.requireRoom(dst, length);
        int at = dst.position();
        if (h.addressAndControl()) {
            Wire.put8(dst, at, 0xFF);
            Wire.put8(dst, at + 1, 0x03);
            at += 2;
        }
        if (h.protocolCompressed()) {
            Wire.put8(dst, at, h.protocol());
        } else {
            Wire.put16(dst, at, h.protocol());
        }
        return length;
    }
}
