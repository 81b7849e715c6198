package org.example.tunnels;

import java.nio.ByteBuffer;

/** Encodes {@link TagHeader}s, following tunnelcodec's encoder contract. */
public final class TagEncoder {
    private TagEncoder() {
    }

    /**
     * The encoded length.
     *
     * @param header the header
     * @return 4
     */
    public static int encodedLength(TagHeader header) {
        return TagHeader.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}, big-endian whatever {@code dst.order()} is,
     * without moving the position.
     *
     * @param header the header
     * @param dst    where to write
     * @return 4, the bytes written
     * @throws IllegalArgumentException if {@code dst} has fewer than 4 bytes remaining
     */
    public static int encode(TagHeader header, ByteBuffer dst) {
        if (dst.remaining() < TagHeader.LENGTH) {
            throw new IllegalArgumentException("dst: " + dst.remaining() + " bytes remaining (expected: at least 4)");
        }
        int p = dst.position();
        dst.put(p, (byte) (header.tag() >>> 8));
        dst.put(p + 1, (byte) header.tag());
        dst.put(p + 2, (byte) (header.payloadLength() >>> 8));
        dst.put(p + 3, (byte) header.payloadLength());
        return TagHeader.LENGTH;
    }
}
