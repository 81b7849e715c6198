package org.tunnelcodec.gre.wccp;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/** Encodes the WCCPv2 redirect header. Follows the encoder contract of {@code org.tunnelcodec.core}. */
public final class WccpRedirectEncoder {
    private WccpRedirectEncoder() {
    }

    /**
     * Returns 4.
     *
     * @param header the header
     * @return 4
     */
    public static int encodedLength(WccpRedirectHeader header) {
        return WccpRedirectHeader.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param h the header
     * @param dst the destination; written from its position, which does not move
     * @return 4
     * @throws IllegalArgumentException if {@code dst} has fewer than 4 bytes remaining
     */
    public static int encode(WccpRedirectHeader h, ByteBuffer dst) {
        Wire.requireRoom(dst, WccpRedirectHeader.LENGTH);
        write(h, dst, dst.position());
        return WccpRedirectHeader.LENGTH;
    }

    static void write(WccpRedirectHeader h, ByteBuffer dst, int index) {
        Wire.put32(dst, index, (long) h.flags() << 24 | h.serviceId() << 16 | h.alternateBucket() << 8 | h.primaryBucket());
    }
}
