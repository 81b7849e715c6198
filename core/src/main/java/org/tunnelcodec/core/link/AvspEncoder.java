package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes Arista's vendor-specific protocol header ({@link AvspHeader}) from its Subtype: the
 * EtherType {@code 0xD28B} is written by the header before it. Follows the
 * <a href="../package-summary.html#encoder-contract">encoder contract</a>.
 */
public final class AvspEncoder {
    private AvspEncoder() {
    }

    /**
     * The exact encoded length.
     *
     * @param header the header
     * @return {@link AvspHeader#length()}
     */
    public static int encodedLength(AvspHeader header) {
        return header.length();
    }

    /**
     * Writes the header at {@code dst.position()}, without moving it.
     *
     * @param header the header
     * @param dst    the destination
     * @return the number of bytes written, {@link AvspHeader#length()}
     * @throws IllegalArgumentException if {@code dst} has too little room
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(AvspHeader header, ByteBuffer dst) {
        int length = header.length();
        Wire.requireRoom(dst, length);
        int p = dst.position();
        Wire.put16(dst, p, header.subtype());
        Wire.put16(dst, p + 2, header.version());
        if (header.isTimestamp()) {
            int at = p + AvspHeader.TIMESTAMP_OFFSET;
            if (length == AvspHeader.length(AvspHeader.SUBTYPE_TIMESTAMP, AvspHeader.TIMESTAMP_64_TAI)) {
                Wire.put32(dst, at, header.seconds());
                Wire.put32(dst, at + 4, header.nanoseconds());
            } else {
                Wire.put16(dst, at, (int) header.seconds());
                Wire.put32(dst, at + 2, header.nanoseconds());
            }
            Wire.put16(dst, p + length - 2, header.protocol().value());
        }
        return length;
    }
}
